// The workbook reader: bytes of an accepted .xlsx or .csv in, draft records and cell-level
// findings out. Pure: no I/O beyond parsing the bytes it is given.
import ExcelJS from 'exceljs';
import { basename, extname } from 'node:path';
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import { currentCurrency } from '../../reference/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { IngestLimits } from '../limits.ts';
import { META_SHEET, parseMetaRows } from '../../submission/index.ts';
import type { TemplateMeta } from '../../submission/index.ts';
import { readContext } from './context.ts';
import type { Box, TableContext } from './context.ts';
import { draftsOfTable } from './draft.ts';
import { parseCsv } from './csv.ts';
import { decodeCsv, ENCODING_NAMES } from '../csv-text.ts';
import { IngestInputError } from '../errors.ts';
import { columnLetters, columnNumber, parseA1 } from '../../text/index.ts';
import { gridOfRows, gridOfWorksheet, textOf, transpose } from './grid.ts';
import type { Grid } from './grid.ts';
import { decimalMarkOf } from './numbers.ts';
import type { DecimalMark } from './numbers.ts';
import { findTable } from './table.ts';
import type { Table } from './table.ts';

type Layout = 'template' | 'years-down' | 'years-across' | 'csv';

interface ReadOptions {
  limits: IngestLimits;
  /** ISO3 the upload was filed under; decides the currency when the workbook names no ally. */
  expectedAlly?: string | null;
}

interface ReadResult {
  drafts: DraftRecord[];
  findings: Finding[];
  /** ISO3 of the ally the workbook names, if any. */
  ally: string | null;
  layout: Layout | null;
}

interface Found {
  table: Table;
  layout: Layout;
  /** The sheet as it is (a years-across table's own grid is transposed). */
  sheet: Grid;
}

const EXPECTED_TABLE =
  'a table with one row (or one column) per year and headers naming the figures, in English or French: Year, Status, GDP, Core defence expenditure, Personnel, Major equipment incl. R&D, Infrastructure, Operations and maintenance, Security-related expenditure, Cyber defence, Military mobility, … (the submission template has them all)';

const columnsOf = (letters: readonly string[]): Set<number> => new Set(letters.map(columnNumber));

// Only the oversized sheet is skipped, not the whole file, and the message says so.
const SHEET_REFUSED = { refused: 'sheet' } as const;

/** Bounds checked on the sheet's declared size before any of its cells is looked at. */
const withinLimits = (sheet: string, rows: number, columns: number, limits: IngestLimits): Finding[] => {
  const out: Finding[] = [];
  if (rows > limits.maxRows)
    out.push(
      findingOf('too-many-rows', {
        sheet,
        cell: `A${limits.maxRows + 1}`,
        found: String(rows),
        expected: String(limits.maxRows),
        params: { ...SHEET_REFUSED, count: rows, max: limits.maxRows },
      }),
    );
  if (columns > limits.maxColumns)
    out.push(
      findingOf('too-many-columns', {
        sheet,
        cell: `${columnLetters(limits.maxColumns + 1)}1`,
        found: String(columns),
        expected: String(limits.maxColumns),
        params: { ...SHEET_REFUSED, count: columns, max: limits.maxColumns },
      }),
    );
  return out;
};

/** Our marker has a few dozen rows; a bigger `_meta` sheet is someone else's and is not read. */
const META_MAX_ROWS = 200;

const metaOf = (wb: ExcelJS.Workbook): TemplateMeta | null => {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws || ws.rowCount > META_MAX_ROWS || ws.columnCount > 2) return null;
  const rows: [string, string][] = [];
  const grid = gridOfWorksheet(ws);
  for (let r = 1; r <= grid.rows; r += 1) rows.push([textOf(grid.at(r, 1)), textOf(grid.at(r, 2))]);
  return parseMetaRows(rows);
};

/** Best reading of one grid: years down or years across, whichever binds more fields. */
const tableOf = (grid: Grid, layoutDown: Layout): Found | null => {
  const down = findTable(grid);
  const across = findTable(transpose(grid));
  if (across && (!down || across.score > down.score)) return { table: across, layout: layoutDown === 'csv' ? 'csv' : 'years-across', sheet: grid };
  return down ? { table: down, layout: layoutDown, sheet: grid } : null;
};

/** The decimal mark the table's text numbers settle, when they agree. */
const decimalMarkOfTable = (t: Table): DecimalMark | null => {
  const votes = { '.': 0, ',': 0 };
  for (const yr of t.rows)
    for (const b of t.bindings) {
      const c = t.grid.at(yr.row, b.column).content;
      const mark = c.kind === 'text' ? decimalMarkOf(c.value) : null;
      if (mark) votes[mark] += 1;
    }
  if (votes['.'] === votes[',']) return null;
  return votes['.'] > votes[','] ? '.' : ',';
};

/** Sheet rectangle of a table's data cells (rows × bound columns, whatever the orientation). */
const bodyOf = (t: Table): Box => {
  const box: Box = { top: Infinity, bottom: 0, left: Infinity, right: 0 };
  const corners = [t.rows[0]?.row, t.rows.at(-1)?.row].flatMap((row) =>
    row === undefined ? [] : t.bindings.flatMap((b) => parseA1(t.grid.at(row, b.column).address) ?? []),
  );
  for (const { row, column } of corners) {
    box.top = Math.min(box.top, row);
    box.bottom = Math.max(box.bottom, row);
    box.left = Math.min(box.left, column);
    box.right = Math.max(box.right, column);
  }
  return box;
};

const cellsOf = (t: Table): Set<string> => {
  const set = new Set<string>();
  for (const b of t.bindings) {
    set.add(b.headerCell);
    if (b.unitCell) set.add(b.unitCell);
  }
  for (const yr of t.rows) {
    set.add(yr.yearCell);
    for (const b of t.bindings) set.add(t.grid.at(yr.row, b.column).address);
  }
  return set;
};

const gridsOfXlsx = async (bytes: Buffer, limits: IngestLimits): Promise<{ grids: Grid[]; meta: TemplateMeta | null; findings: Finding[] }> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const findings: Finding[] = [];
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    const over = withinLimits(ws.name, ws.rowCount, ws.columnCount, limits);
    findings.push(...over);
    if (over.length === 0) grids.push(gridOfWorksheet(ws));
  }
  return { grids, meta: metaOf(wb), findings };
};

const gridOfCsv = (bytes: Buffer, fileName: string, limits: IngestLimits): { grids: Grid[]; findings: Finding[] } => {
  const decoded = decodeCsv(bytes);
  // The guard refused what cannot be decoded; reaching here with such bytes is a caller's bug.
  if (!decoded.ok) throw new IngestInputError('bytes', `CSV bytes that are not text reached the reader (${decoded.problem} at byte ${decoded.offset})`);
  const decodedAs: Finding[] =
    decoded.encoding === 'utf-8' ? [] : [findingOf('csv-decoded', { found: ENCODING_NAMES[decoded.encoding], params: { encoding: decoded.encoding } })];
  const { rows } = parseCsv(decoded.text);
  const sheet = basename(fileName, extname(fileName)) || 'csv';
  const columns = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const over = withinLimits(sheet, rows.length, columns, limits);
  return over.length > 0 ? { grids: [], findings: [...decodedAs, ...over] } : { grids: [gridOfRows(sheet, rows)], findings: decodedAs };
};

const isCsv = (bytes: Buffer, fileName: string): boolean =>
  extname(fileName).toLowerCase() === '.csv' || !(bytes[0] === 0x50 && bytes[1] === 0x4b);

/**
 * Read a submission. The template is read through its column map; anything else through the
 * best-matching table of each sheet. Extra sheets count only for years the main table lacks.
 */
const readSubmission = async (bytes: Buffer, fileName: string, options: ReadOptions): Promise<ReadResult> => {
  const csv = isCsv(bytes, fileName);
  const source = csv ? { ...gridOfCsv(bytes, fileName, options.limits), meta: null } : await gridsOfXlsx(bytes, options.limits);
  const findings: Finding[] = [...source.findings];
  const meta = source.meta;

  const found: Found[] = [];
  for (const grid of source.grids) {
    if (meta && grid.sheet === meta.sheet) {
      const table = findTable(grid, columnsOf(Object.values(meta.columns)));
      if (table) found.push({ table, layout: 'template', sheet: grid });
      continue;
    }
    const f = tableOf(grid, csv ? 'csv' : 'years-down');
    if (f) found.push(f);
  }
  found.sort((a, b) => (a.layout === 'template' ? -1 : 0) - (b.layout === 'template' ? -1 : 0) || b.table.score - a.table.score);

  const chosen: Found[] = [];
  const years = new Set<number>();
  for (const f of found) {
    const own = f.table.rows.flatMap((r) => (r.year === null ? [] : [r.year]));
    if (chosen.length > 0 && own.some((y) => years.has(y))) continue;
    chosen.push(f);
    own.forEach((y) => years.add(y));
  }

  if (chosen.length === 0) {
    if (findings.length === 0)
      findings.push(
        findingOf('no-table', {
          found: source.grids.length > 0 ? `sheets read: ${source.grids.map((g) => g.sheet).join(', ')}` : null,
          expected: EXPECTED_TABLE,
          params: { sheets: source.grids.map((g) => g.sheet).join(', ') || null },
        }),
      );
    return { drafts: [], findings, ally: meta?.ally ?? null, layout: null };
  }

  const contexts = new Map<Table, TableContext>(chosen.map((f) => [f.table, readContext(f.sheet, cellsOf(f.table), bodyOf(f.table))]));
  const ally = meta?.ally ?? chosen.map((f) => contexts.get(f.table)?.ally ?? null).find((a) => a !== null) ?? null;
  const effectiveAlly = ally ?? options.expectedAlly ?? null;
  const canonicalCurrency = effectiveAlly ? currentCurrency(effectiveAlly) : null;

  const drafts: DraftRecord[] = [];
  for (const f of chosen) {
    const context = contexts.get(f.table);
    if (!context) continue;
    findings.push(...context.findings);
    const out = draftsOfTable({ table: f.table, context: { ...context, ally }, canonicalCurrency, decimalMark: decimalMarkOfTable(f.table) });
    drafts.push(...out.drafts);
    findings.push(...out.findings);
  }
  return { drafts, findings, ally, layout: chosen[0]?.layout ?? null };
};

export { readSubmission };
export type { ReadResult, ReadOptions, Layout };
