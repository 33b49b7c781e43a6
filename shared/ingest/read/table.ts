// Finding the table in a grid: the header row whose cells name the most fields, the column
// holding the years beneath it, and the rows that carry a year. Written for years down the
// rows; years across the columns are read through a transposed grid.
import { groupOf, isAmountPath, YearSchema } from '../../submission/index.ts';
import type { FigureStatus } from '../../submission/index.ts';
import type { Grid } from './grid.ts';
import { textOf } from './grid.ts';
import { parseHeader, sectionOf } from './headers.ts';
import type { HeaderMeaning, Section } from './headers.ts';
import { parseYearText } from './year-text.ts';
import { parseNumberText } from './numbers.ts';
import { parseUnitText, saysUnit } from './units.ts';
import type { UnitSpec } from './units.ts';

/** Header rows are looked for this far into a sheet; real tables start near the top. */
const HEADER_SEARCH_ROWS = 200;
const HEADER_SEARCH_COLUMNS = 200;

interface Binding extends HeaderMeaning {
  column: number;
  headerCell: string;
  /** A unit written in the rows between the header and the data (a "units" row). */
  unitRowUnit: UnitSpec | null;
  /** Where that unit was written, so the sheet-wide scan does not read it again. */
  unitCell: string | null;
}

/** Why a row in the year column has no year the reader can use, and what its cell holds. */
interface YearProblem {
  code: 'year-out-of-range' | 'year-not-whole' | 'date-not-number';
  found: string;
}

interface YearRow {
  row: number;
  /** null when the year cell holds no usable year (see `problem`). */
  year: number | null;
  yearStatus: FigureStatus | null;
  yearCell: string;
  problem: YearProblem | null;
}

interface Table {
  grid: Grid;
  headerRow: number;
  yearColumn: number;
  bindings: Binding[];
  rows: YearRow[];
  /** Distinct fields bound, the measure used to pick the best table. */
  score: number;
}

/** A year written in a cell: a whole number or text like "2024e"; anything four-digit counts as "year-like". */
const yearIn = (grid: Grid, row: number, column: number): Omit<YearRow, 'row'> | null => {
  const cell = grid.at(row, column);
  const c = cell.content;
  let parsed: { year: number; status: FigureStatus | null } | null = null;
  if (c.kind === 'number' && Number.isInteger(c.value) && !c.percentFormat) parsed = { year: c.value, status: null };
  else if (c.kind === 'text') parsed = parseYearText(c.value);
  if (!parsed || parsed.year < 1000 || parsed.year > 2999) return null;
  const inRange = YearSchema.safeParse(parsed.year).success;
  return {
    year: inRange ? parsed.year : null,
    yearStatus: parsed.status,
    yearCell: cell.address,
    problem: inRange ? null : { code: 'year-out-of-range', found: textOf(cell) },
  };
};

/**
 * A cell of the year column that holds something only a year could be, but not a whole one
 * ("2024.5") or a date: its row is a row of the table, whose figures must not go unread
 * without a word. Never counted when choosing the year column.
 */
const badYearIn = (grid: Grid, row: number, column: number): Omit<YearRow, 'row'> | null => {
  const cell = grid.at(row, column);
  const c = cell.content;
  const base = { year: null, yearStatus: null, yearCell: cell.address };
  if (c.kind === 'date') return { ...base, problem: { code: 'date-not-number', found: c.value } };
  const n = c.kind === 'number' && !c.percentFormat ? c.value : c.kind === 'text' ? parseNumberText(c.value) : null;
  const value = typeof n === 'number' ? n : n?.kind === 'number' && !n.percent ? n.value : null;
  if (value === null || Number.isInteger(value) || value < 1000 || value >= 3000) return null;
  return { ...base, problem: { code: 'year-not-whole', found: textOf(cell).trim() } };
};

const headerCandidates = (grid: Grid, row: number, allow: ReadonlySet<number> | null): Binding[] => {
  const lastColumn = Math.min(grid.columns, HEADER_SEARCH_COLUMNS);
  const banner = (column: number): Section | null => {
    for (const r of [row - 1, row - 2]) {
      if (r < 1) continue;
      const cell = grid.at(r, column);
      if (cell.content.kind === 'text') {
        const s = sectionOf(cell.content.value);
        if (s) return s;
      }
    }
    return null;
  };
  // First pass binds unambiguous headers; the second resolves "Other"/"Total" by their block.
  const found = new Map<number, HeaderMeaning>();
  const pending: number[] = [];
  for (let column = 1; column <= lastColumn; column += 1) {
    if (allow && !allow.has(column)) continue;
    const cell = grid.at(row, column);
    // A header merged down over a two-row header ("GDP" beside "Total | Personnel") belongs to
    // its column; one merged across columns names only its first column.
    if (cell.content.kind !== 'text' || (cell.mergedCopy && cell.master?.column !== column)) continue;
    const meaning = parseHeader(cell.content.value, banner(column));
    if (meaning) found.set(column, meaning);
    else pending.push(column);
  }
  for (const column of pending) {
    const text = textOf(grid.at(row, column));
    const near = (step: number): Section | null => {
      for (let c = column + step; c >= 1 && c <= lastColumn; c += step) {
        const f = found.get(c);
        const s = f ? groupOf(f.field) : null;
        if (s) return s;
      }
      return null;
    };
    const section = banner(column) ?? near(-1) ?? near(1);
    const meaning = section ? parseHeader(text, section) : null;
    if (meaning) found.set(column, meaning);
  }
  // One column per field: the first wins, except that amounts beat shares of GDP.
  const byField = new Map<Binding['field'], Binding>();
  for (const [column, meaning] of [...found.entries()].sort((a, b) => a[0] - b[0])) {
    const known = byField.get(meaning.field);
    if (known && (known.percent === meaning.percent || !known.percent)) continue;
    byField.set(meaning.field, { ...meaning, column, headerCell: grid.at(row, column).address, unitRowUnit: null, unitCell: null });
  }
  return [...byField.values()].sort((a, b) => a.column - b.column);
};

/** The column under the header with the most year-like cells (the "Year" column if there is one). */
const findYearColumn = (grid: Grid, headerRow: number, bindings: Binding[]): number | null => {
  const named = bindings.find((b) => b.field === 'year');
  if (named) return named.column;
  const bound = new Set(bindings.map((b) => b.column));
  let best: { column: number; count: number } | null = null;
  const lastRow = Math.min(grid.rows, headerRow + HEADER_SEARCH_ROWS);
  const lastColumn = Math.min(grid.columns, HEADER_SEARCH_COLUMNS);
  for (let column = 1; column <= lastColumn; column += 1) {
    if (bound.has(column)) continue;
    let count = 0;
    for (let row = headerRow + 1; row <= lastRow; row += 1) if (yearIn(grid, row, column)) count += 1;
    if (count > 0 && (!best || count > best.count)) best = { column, count };
  }
  return best?.column ?? null;
};

/**
 * Data rows: every row below the header with a year, until another header row starts a new
 * table. A row is only examined as a header when its first amount cell names a field.
 */
const collectRows = (grid: Grid, headerRow: number, yearColumn: number, bindings: Binding[], allow: ReadonlySet<number> | null): YearRow[] => {
  const probe = bindings.find((b) => isAmountPath(b.field) && b.column !== yearColumn)?.column ?? null;
  const rows: YearRow[] = [];
  for (let row = headerRow + 1; row <= grid.rows; row += 1) {
    const y = yearIn(grid, row, yearColumn) ?? badYearIn(grid, row, yearColumn);
    if (y) {
      rows.push({ row, ...y });
      continue;
    }
    if (rows.length === 0 || probe === null) continue;
    const probeCell = grid.at(row, probe);
    if (probeCell.content.kind !== 'text' || !parseHeader(probeCell.content.value, null)) continue;
    if (headerCandidates(grid, row, allow).filter((b) => isAmountPath(b.field)).length >= 2) break;
  }
  return rows;
};

/** Units written between the header and the first data row ("EUR m" under "GDP"). */
const attachUnitRows = (grid: Grid, headerRow: number, firstDataRow: number, bindings: Binding[]): void => {
  for (const b of bindings) {
    for (let row = headerRow + 1; row < firstDataRow; row += 1) {
      const cell = grid.at(row, b.column);
      if (cell.content.kind !== 'text') continue;
      const u = parseUnitText(cell.content.value, true);
      if (saysUnit(u)) {
        b.unitRowUnit = u;
        b.unitCell = cell.address;
        break;
      }
    }
  }
};

/** The best table of a grid (years down), or null when no row names enough fields above years. */
const findTable = (grid: Grid, allow: ReadonlySet<number> | null = null): Table | null => {
  let best: Table | null = null;
  const lastRow = Math.min(grid.rows, HEADER_SEARCH_ROWS);
  for (let row = 1; row <= lastRow; row += 1) {
    const bindings = headerCandidates(grid, row, allow);
    const amounts = bindings.filter((b) => isAmountPath(b.field)).length;
    if (amounts < 1 || bindings.length < 2) continue;
    if (best && bindings.length <= best.score) continue;
    const yearColumn = findYearColumn(grid, row, bindings);
    if (yearColumn === null) continue;
    const rows = collectRows(grid, row, yearColumn, bindings, allow);
    if (rows.length === 0) continue;
    const kept = bindings.filter((b) => b.column !== yearColumn || b.field === 'year');
    attachUnitRows(grid, row, rows[0]?.row ?? row + 1, kept);
    best = { grid, headerRow: row, yearColumn, bindings: kept, rows, score: bindings.length };
  }
  return best;
};

export { findTable, HEADER_SEARCH_ROWS, HEADER_SEARCH_COLUMNS };
export type { Binding, YearRow, YearProblem, Table };
