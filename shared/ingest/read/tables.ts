// Which tables of a workbook are read. Each sheet may hold several tables: the best one, then
// others found once it is set aside. A further table with the same headers and other years
// continues the first (actuals, then plans) and is read; any other is named in a warning. Across
// sheets, a table is read for the years no table read before it gives, and a sheet naming
// another ally than the upload's is set aside with a warning. Nothing found is dropped silently.
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import { allyByIso3 } from '../../reference/index.ts';
import { a1, parseA1 } from '../../text/index.ts';
import type { Box, TableContext } from './context.ts';
import { readContext } from './context.ts';
import type { Grid } from './grid.ts';
import { transpose } from './grid.ts';
import { findTable } from './table.ts';
import type { Table } from './table.ts';
import type { Extent, Rect } from './unread.ts';
import { byColumn, extentOf, inRect, rangeOf, rectOf } from './unread.ts';

type Layout = 'template' | 'years-down' | 'years-across' | 'csv';

interface Found {
  table: Table;
  layout: Layout;
  /** The sheet as it is (a years-across table's own grid is transposed). */
  sheet: Grid;
  /** Years run across the columns of the sheet. */
  across: boolean;
  /** How far the table reaches, in its grid's orientation and as a rectangle of the sheet. */
  extent: Extent;
  rect: Rect;
  context: TableContext;
}

/** Tables looked for on one sheet beyond the first; real returns have one or two. */
const MORE_TABLES_PER_SHEET = 3;

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

/** Every cell a table reads: headers, units, years and bound data cells. */
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

/** A found table with its reach and what the cells around it say. */
const foundOf = (table: Table, layout: Layout, sheet: Grid, across: boolean): Found => {
  const extent = extentOf(table, byColumn(table.grid));
  return { table, layout, sheet, across, extent, rect: rectOf(extent, across), context: readContext(sheet, cellsOf(table), bodyOf(table)) };
};

/** Best reading of one grid: years down or years across, whichever binds more fields. */
const tableOf = (grid: Grid, sheet: Grid, layoutDown: Layout): Found | null => {
  const down = findTable(grid);
  const across = findTable(transpose(grid));
  if (across && (!down || across.score > down.score)) return foundOf(across, layoutDown === 'csv' ? 'csv' : 'years-across', sheet, true);
  return down ? foundOf(down, layoutDown, sheet, false) : null;
};

/** The grid with the given rectangles emptied, so that the tables already found are not found again. */
const masked = (grid: Grid, rects: readonly Rect[]): Grid => ({
  ...grid,
  at: (row, column) => (rects.some((r) => inRect(r, row, column)) ? { address: a1(row, column), content: { kind: 'empty' }, mergedCopy: false } : grid.at(row, column)),
  filled: function* () {
    for (const p of grid.filled()) if (!rects.some((r) => inRect(r, p.row, p.column))) yield p;
  },
});

const yearsOf = (f: Found): number[] => f.table.rows.flatMap((r) => (r.year === null ? [] : [r.year]));
const fieldsOf = (f: Found): Set<string> => new Set(f.table.bindings.map((b) => b.field));

/** Where a table starts, for findings that point at the table read instead of another. */
const placeOf = (f: Found): { readSheet: string; readCell: string } => ({ readSheet: f.sheet.sheet, readCell: a1(f.rect.top, f.rect.left) });

const secondTable = (f: Found, reason: 'overlap' | 'other-fields', readInstead: Found, overlap: readonly number[]): Finding =>
  findingOf('second-table', {
    sheet: f.sheet.sheet,
    cell: a1(f.rect.top, f.rect.left),
    found: rangeOf(f.rect),
    params: { reason, range: rangeOf(f.rect), ...placeOf(readInstead), ...(overlap.length > 0 ? { years: overlap.join(', ') } : {}) },
  });

/**
 * The tables of one sheet: the best, then those found once it is set aside. One with the first's
 * headers (or fewer of them) and none of its years continues it; any other is reported.
 */
const tablesOfSheet = (grid: Grid, layoutDown: Layout): { tables: Found[]; set: Found[]; findings: Finding[] } => {
  const first = tableOf(grid, grid, layoutDown);
  if (!first) return { tables: [], set: [], findings: [] };
  const tables = [first];
  const set: Found[] = [];
  const findings: Finding[] = [];
  const years = new Set(yearsOf(first));
  const fields = fieldsOf(first);
  for (let i = 0; i < MORE_TABLES_PER_SHEET; i += 1) {
    const claimed = [...tables, ...set].map((f) => f.rect);
    const next = tableOf(masked(grid, claimed), grid, layoutDown);
    if (!next) break;
    const overlap = yearsOf(next).filter((y) => years.has(y));
    const sameHeaders = next.across === first.across && [...fieldsOf(next)].every((field) => fields.has(field));
    if (overlap.length === 0 && sameHeaders) {
      tables.push(next);
      yearsOf(next).forEach((y) => years.add(y));
    } else {
      set.push(next);
      findings.push(secondTable(next, overlap.length > 0 ? 'overlap' : 'other-fields', first, overlap));
    }
  }
  return { tables, set, findings };
};

interface AllyNames {
  name: string | null;
  nameFr: string | null;
}
const namesOf = (iso3: string): AllyNames => {
  const ally = allyByIso3(iso3);
  return { name: ally?.nameEn ?? null, nameFr: ally?.nameFr ?? null };
};

/**
 * The tables read, in order, and the findings about those set aside. `named` is the ally a
 * table's own sheet names (the template's marker for the template).
 */
const chooseTables = (
  found: readonly Found[],
  named: (f: Found) => string | null,
  expectedAlly: string | null,
  markedAlly: string | null,
): { chosen: Found[]; otherAlly: Found[]; findings: Finding[] } => {
  const findings: Finding[] = [];
  const otherAlly: Found[] = [];
  const main = found[0];
  if (!main) return { chosen: [], otherAlly, findings };
  // The ally the upload is about: the template's, else the filed-under one when a sheet names
  // it, else the one the main table names, else the filed-under one.
  const reference =
    markedAlly ?? (expectedAlly !== null && found.some((f) => named(f) === expectedAlly) ? expectedAlly : null) ?? named(main) ?? expectedAlly;
  const ours: Found[] = [];
  for (const f of found) {
    const ally = named(f);
    if (reference === null || ally === null || ally === reference) {
      ours.push(f);
      continue;
    }
    otherAlly.push(f);
    const theirs = namesOf(ally);
    const wanted = namesOf(reference);
    findings.push(
      findingOf('sheet-other-ally', {
        sheet: f.sheet.sheet,
        cell: f.context.allyAt?.cell ?? null,
        ally,
        found: ally,
        expected: reference,
        params: {
          foundName: theirs.name,
          foundNameFr: theirs.nameFr,
          expectedName: wanted.name,
          expectedNameFr: wanted.nameFr,
        },
      }),
    );
  }
  const chosen: Found[] = [];
  const years = new Map<number, Found>();
  for (const f of ours) {
    const own = yearsOf(f);
    const overlap = own.filter((y) => years.has(y));
    const first = overlap[0] === undefined ? undefined : years.get(overlap[0]);
    if (chosen.length > 0 && first) {
      findings.push(secondTable(f, 'overlap', first, overlap));
      continue;
    }
    chosen.push(f);
    for (const y of own) if (!years.has(y)) years.set(y, f);
  }
  return { chosen, otherAlly, findings };
};

export { tableOf, tablesOfSheet, chooseTables, foundOf, cellsOf, bodyOf };
export type { Found, Layout };
