// A sheet reduced to what the reader needs: a rectangle of plain cell values with their A1
// addresses. Worksheets and CSV files both become grids, so table finding is written once; a
// transposed view lets the same code read years across the columns.
import type ExcelJS from 'exceljs';
import { a1 } from '../../text/index.ts';

/** What a cell holds once exceljs' value shapes are flattened. */
type CellContent =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'formula-no-value' }
  | { kind: 'error'; value: string }
  /** A date (a date-formatted number, or a `t="d"` cell), as an ISO date: never an amount or a year. */
  | { kind: 'date'; value: string }
  | { kind: 'other'; value: string };

interface GridCell {
  address: string;
  content: CellContent;
  /** True for the covered (non-top-left) cells of a merged range; they repeat the master's content. */
  mergedCopy: boolean;
  /** For a covered cell, where its range's top-left cell is (in this grid's orientation). */
  master?: { row: number; column: number };
}

interface Grid {
  sheet: string;
  rows: number;
  columns: number;
  /** 1-based row and column; never throws, out-of-range cells are empty. */
  at: (row: number, column: number) => GridCell;
  /**
   * The places of the cells that hold something, in any order, so a scan for what the reader
   * did not read visits what is there rather than every place of a sparse sheet.
   */
  filled: () => Iterable<{ row: number; column: number }>;
}

const EMPTY: CellContent = { kind: 'empty' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** exceljs value → content; formulas are judged by their cached result only. */
const contentOf = (value: ExcelJS.CellValue, numFmt: string | undefined): CellContent => {
  const percentFormat = typeof numFmt === 'string' && numFmt.includes('%');
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, percentFormat } : { kind: 'error', value: String(value) };
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'other', value: String(value) };
  if (value instanceof Date) return { kind: 'date', value: value.toISOString().slice(0, 10) };
  if (!isRecord(value)) return { kind: 'other', value: String(value) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { kind: 'formula-no-value' };
    return contentOf(result as ExcelJS.CellValue, numFmt);
  }
  if ('error' in value) return { kind: 'error', value: String(value.error) };
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = value.richText.map((r: unknown) => (isRecord(r) && typeof r.text === 'string' ? r.text : '')).join('');
    return text.trim() === '' ? EMPTY : { kind: 'text', value: text };
  }
  if ('text' in value && typeof value.text === 'string') return value.text.trim() === '' ? EMPTY : { kind: 'text', value: value.text };
  return { kind: 'other', value: JSON.stringify(value) };
};

/** Only call after the sheet's dimensions were checked against the limits. */
const gridOfWorksheet = (ws: ExcelJS.Worksheet): Grid => {
  const rows = ws.rowCount;
  const columns = ws.columnCount;
  // Keyed by number, not address: the table search visits the same cells many times.
  const cache = new Map<number, GridCell>();
  const at = (row: number, column: number): GridCell => {
    if (row < 1 || column < 1 || row > rows || column > columns) return { address: a1(row, column), content: EMPTY, mergedCopy: false };
    const key = row * (columns + 1) + column;
    const hit = cache.get(key);
    if (hit) return hit;
    const cell = ws.getCell(row, column);
    const mergedCopy = cell.isMerged && cell.master.address !== cell.address;
    const source = mergedCopy ? cell.master : cell;
    const made: GridCell = { address: a1(row, column), content: contentOf(source.value, source.numFmt), mergedCopy };
    if (mergedCopy) made.master = { row: Number(source.row), column: Number(source.col) };
    cache.set(key, made);
    return made;
  };
  const filled = function* (): Iterable<{ row: number; column: number }> {
    const places: { row: number; column: number }[] = [];
    ws.eachRow((r, row) => r.eachCell((_cell, column) => places.push({ row, column })));
    yield* places;
  };
  return { sheet: ws.name, rows, columns, at, filled };
};

/** A grid of text cells (CSV), row-major. */
const gridOfRows = (sheet: string, data: readonly (readonly string[])[]): Grid => {
  const rows = data.length;
  const columns = data.reduce((m, r) => Math.max(m, r.length), 0);
  const at = (row: number, column: number): GridCell => {
    const text = data[row - 1]?.[column - 1] ?? '';
    return { address: a1(row, column), content: text.trim() === '' ? EMPTY : { kind: 'text', value: text }, mergedCopy: false };
  };
  const filled = function* (): Iterable<{ row: number; column: number }> {
    for (const [r, fields] of data.entries()) for (const [c, text] of fields.entries()) if (text.trim() !== '') yield { row: r + 1, column: c + 1 };
  };
  return { sheet, rows, columns, at, filled };
};

/** Rows become columns; addresses stay those of the real cells. */
const transpose = (g: Grid): Grid => ({
  sheet: g.sheet,
  rows: g.columns,
  columns: g.rows,
  at: (r, c) => {
    const cell = g.at(c, r);
    return cell.master ? { ...cell, master: { row: cell.master.column, column: cell.master.row } } : cell;
  },
  filled: function* () {
    for (const { row, column } of g.filled()) yield { row: column, column: row };
  },
});

/** The cell's text as a person reads it (numbers as written in JS), '' when empty. */
const textOf = (cell: GridCell): string => {
  const c = cell.content;
  switch (c.kind) {
    case 'text':
    case 'other':
    case 'error':
    case 'date':
      return c.value;
    case 'number':
      return String(c.value);
    default:
      return '';
  }
};

export { contentOf, gridOfWorksheet, gridOfRows, transpose, textOf };
export type { CellContent, GridCell, Grid };
