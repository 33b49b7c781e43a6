// What the reader saw but did not read. A figure must never go missing without a word: every
// labelled column or row of a table whose numbers were not read is a warning (the submitter
// meant them as part of the table), and numbers elsewhere on a sheet an info (they may be
// notes, a chart's data or an exchange rate). Figures the reader works out itself (sums of a
// breakdown, shares of GDP, checks) are left out, and so are the template's grey columns.
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import { isAmountPath, isDerivedLabel } from '../../submission/index.ts';
import { a1, sheetCell } from '../../text/index.ts';
import type { Grid, GridCell } from './grid.ts';
import { textOf } from './grid.ts';
import { parseHeader, sectionOf } from './headers.ts';
import { parseNumberText } from './numbers.ts';
import type { Table } from './table.ts';
import { isPercentOfGdp } from './units.ts';

/** A rectangle of a sheet, in the sheet's own rows and columns. */
interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A table's reach in its grid's orientation: from its header row to its last row, over its columns. */
interface Extent {
  headerRow: number;
  lastRow: number;
  left: number;
  right: number;
}

/** Numbers that outside findings name one by one per sheet; the rest are counted. */
const OUTSIDE_PER_SHEET = 5;

/** Whether a cell holds a figure: a number, or text that reads as one. */
const holdsNumber = (cell: GridCell): boolean => {
  if (cell.mergedCopy) return false;
  const c = cell.content;
  return c.kind === 'number' || (c.kind === 'text' && parseNumberText(c.value).kind === 'number');
};

/** Filled places of a grid by column, for the scans below. */
const byColumn = (grid: Grid): Map<number, number[]> => {
  const columns = new Map<number, number[]>();
  for (const { row, column } of grid.filled()) {
    const rows = columns.get(column) ?? [];
    rows.push(row);
    columns.set(column, rows);
  }
  return columns;
};

/**
 * How far a table reaches: its bound columns and year column, widened over neighbouring columns
 * that hold anything between its header and its last row, and lengthened over the rows right
 * under it (a "Total" row) until an empty one.
 */
const extentOf = (t: Table, filled: ReadonlyMap<number, readonly number[]> = byColumn(t.grid)): Extent => {
  const columns = [t.yearColumn, ...t.bindings.map((b) => b.column)];
  let left = Math.min(...columns);
  let right = Math.max(...columns);
  let lastRow = Math.max(t.headerRow, ...t.rows.map((r) => r.row));
  const usedBetween = (column: number, top: number, bottom: number): boolean => (filled.get(column) ?? []).some((r) => r >= top && r <= bottom);
  while (right < t.grid.columns && usedBetween(right + 1, t.headerRow, lastRow)) right += 1;
  while (left > 1 && usedBetween(left - 1, t.headerRow, lastRow)) left -= 1;
  const rowUsed = (row: number): boolean => {
    for (let c = left; c <= right; c += 1) if (t.grid.at(row, c).content.kind !== 'empty') return true;
    return false;
  };
  while (lastRow < t.grid.rows && rowUsed(lastRow + 1)) lastRow += 1;
  return { headerRow: t.headerRow, lastRow, left, right };
};

/** The extent as a rectangle of the sheet itself (a years-across table's grid is transposed). */
const rectOf = (e: Extent, across: boolean): Rect =>
  across ? { top: e.left, bottom: e.right, left: e.headerRow, right: e.lastRow } : { top: e.headerRow, bottom: e.lastRow, left: e.left, right: e.right };

const inRect = (r: Rect, row: number, column: number): boolean => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;

/** "B5:F30". */
const rangeOf = (r: Rect): string => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** The block a column sits in, from a banner over its header ("Security-related" over "Total"). */
const bannerOf = (t: Table, column: number): ReturnType<typeof sectionOf> => {
  for (const row of [t.headerRow - 1, t.headerRow - 2]) {
    const cell = t.grid.at(row, column);
    const section = cell.content.kind === 'text' ? sectionOf(cell.content.value) : null;
    if (section) return section;
  }
  return null;
};

/**
 * Columns (in the grid's orientation) of a table that hold numbers in its year rows but were not
 * read, and rows of it with numbers but no year. `template` says the table was read through the
 * template's column map, which binds only the template's columns.
 */
const unreadInTable = (t: Table, across: boolean, template: boolean, extent: Extent = extentOf(t)): Finding[] => {
  const sheet = t.grid.sheet;
  const findings: Finding[] = [];
  const bound = new Map(t.bindings.map((b) => [b.column, b]));
  const gdpBound = t.bindings.some((b) => b.field === 'gdp' && !b.percent);
  const columnLine = across ? 'row' : 'column';
  const rowLine = across ? 'column' : 'row';
  for (let column = extent.left; column <= extent.right; column += 1) {
    if (bound.has(column) || column === t.yearColumn) continue;
    const numbers = t.rows.filter((yr) => holdsNumber(t.grid.at(yr.row, column)));
    const first = numbers[0];
    if (!first) continue;
    // A second column of years says nothing new.
    if (numbers.every((yr) => t.grid.at(yr.row, column).content.kind === 'number' && textOf(t.grid.at(yr.row, column)) === String(yr.year))) continue;
    const header = t.grid.at(t.headerRow, column);
    const label = textOf(header).trim();
    if (label !== '' && (isDerivedLabel(label) || (isPercentOfGdp(label) && gdpBound))) continue;
    const meaning = label === '' ? null : parseHeader(label, bannerOf(t, column));
    const twin = meaning ? t.bindings.find((b) => b.field === meaning.field) : undefined;
    // A share of GDP beside the amount it is a share of: the reader computes it.
    if (meaning && twin && meaning.percent && !twin.percent) continue;
    if (meaning && !isAmountPath(meaning.field)) continue;
    const reason = twin ? 'duplicate' : meaning && template ? 'template' : 'unknown';
    findings.push(
      findingOf('unread-in-table', {
        sheet,
        cell: label === '' ? t.grid.at(first.row, column).address : header.address,
        ...(twin && meaning ? { field: meaning.field } : {}),
        found: label,
        params: { line: columnLine, label, reason, ...(twin ? { readFrom: sheetCell(sheet, twin.headerCell) } : {}) },
      }),
    );
  }
  const yearRows = new Set(t.rows.map((r) => r.row));
  for (let row = extent.headerRow + 1; row <= extent.lastRow; row += 1) {
    if (yearRows.has(row)) continue;
    let firstNumber: number | null = null;
    for (let column = extent.left; column <= extent.right && firstNumber === null; column += 1)
      if (column !== t.yearColumn && holdsNumber(t.grid.at(row, column))) firstNumber = column;
    if (firstNumber === null) continue;
    const labelCell = [t.yearColumn, ...Array.from({ length: firstNumber - extent.left }, (_, i) => extent.left + i)]
      .map((column) => t.grid.at(row, column))
      .find((cell) => cell.content.kind === 'text');
    const label = labelCell ? textOf(labelCell).trim() : '';
    findings.push(
      findingOf('unread-in-table', {
        sheet,
        cell: labelCell?.address ?? t.grid.at(row, firstNumber).address,
        found: label,
        params: { line: rowLine, label, reason: 'no-year' },
      }),
    );
  }
  return findings;
};

/**
 * Numbers of a sheet outside every rectangle the reader claimed (its tables), one info per row of
 * the sheet, named by the nearest text to their left.
 */
const unreadOutside = (grid: Grid, claimed: readonly Rect[]): Finding[] => {
  const rows = new Map<number, number>();
  for (const { row, column } of grid.filled()) {
    if (claimed.some((r) => inRect(r, row, column))) continue;
    if (!holdsNumber(grid.at(row, column))) continue;
    rows.set(row, Math.min(rows.get(row) ?? column, column));
  }
  const ordered = [...rows.entries()].sort((a, b) => a[0] - b[0]);
  return ordered.slice(0, OUTSIDE_PER_SHEET).map(([row, column], i, shown) => {
    let label = '';
    for (let c = column - 1; c >= 1 && label === ''; c -= 1) {
      const cell = grid.at(row, c);
      if (cell.content.kind === 'text' && !claimed.some((r) => inRect(r, row, c))) label = cell.content.value.trim();
    }
    const more = i === shown.length - 1 ? ordered.length - shown.length : 0;
    return findingOf('unread-outside-table', {
      sheet: grid.sheet,
      cell: grid.at(row, column).address,
      found: label,
      params: { label, ...(more > 0 ? { more } : {}) },
    });
  });
};

export { extentOf, rectOf, rangeOf, inRect, unreadInTable, unreadOutside, byColumn };
export type { Rect, Extent };
