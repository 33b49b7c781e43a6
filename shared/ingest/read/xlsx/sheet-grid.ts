// A Grid (what the table search reads) over a sheet's flat cell arrays. Merged ranges are
// clipped to the cells the sheet holds, so a merge written down to row 1,048,576 covers only
// the rows that exist; what a clipped merge still covers is bounded (`maxMergedCells`).
import { a1 } from '../../../text/index.ts';
import type { CellContent, Grid, GridCell } from '../grid.ts';
import { Kind } from './sheet.ts';
import type { MergedRange, SheetCells } from './sheet.ts';

const EMPTY: CellContent = { kind: 'empty' };

const clip = (m: MergedRange, rows: number, columns: number): MergedRange | null => {
  const clipped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, rows), right: Math.min(m.right, columns) };
  return clipped.top > clipped.bottom || clipped.left > clipped.right || (clipped.top === clipped.bottom && clipped.left === clipped.right) ? null : clipped;
};

const areaOf = (m: MergedRange): number => (m.bottom - m.top + 1) * (m.right - m.left + 1);

interface MergeBounds {
  maxRows: number;
  maxColumns: number;
  maxMergedCells: number;
}

/** The sheet's merged ranges and extent as the grid shows them. */
interface SheetLayout {
  merges: MergedRange[];
  rows: number;
  columns: number;
}

/**
 * The merged ranges as the grid uses them. A merge within the sheet limits is kept whole and
 * may widen the sheet (as Excel shows a merged banner over empty columns); one reaching past
 * the limits is clipped to the cells the sheet holds. Together they may cover at most
 * `maxMergedCells`; past that the largest merge is named instead.
 */
const clippedMerges = (s: SheetCells, bounds: MergeBounds): SheetLayout & { tooLarge: { range: MergedRange; covered: number } | null } => {
  const withinLimits = (m: MergedRange): boolean => m.bottom <= bounds.maxRows && m.right <= bounds.maxColumns;
  const merges = s.merges.map((m) => (withinLimits(m) ? m : clip(m, s.rows, s.columns))).filter((m): m is MergedRange => m !== null);
  const covered = merges.reduce((sum, m) => sum + areaOf(m), 0);
  const rows = merges.reduce((r, m) => Math.max(r, m.bottom), s.rows);
  const columns = merges.reduce((c, m) => Math.max(c, m.right), s.columns);
  if (covered <= bounds.maxMergedCells) return { merges, rows, columns, tooLarge: null };
  const largest = s.merges.reduce((a, b) => (areaOf(b) > areaOf(a) ? b : a));
  return { merges: [], rows: s.rows, columns: s.columns, tooLarge: { range: largest, covered } };
};

const contentAt = (s: SheetCells, i: number): CellContent => {
  const kind = s.kind[i];
  switch (kind) {
    case Kind.number:
    case Kind.percent:
      return { kind: 'number', value: s.number[i] ?? 0, percentFormat: kind === Kind.percent };
    case Kind.formulaNoValue:
      return { kind: 'formula-no-value' };
    case Kind.text:
      return { kind: 'text', value: s.text[i] ?? '' };
    case Kind.error:
      return { kind: 'error', value: s.text[i] ?? '' };
    case Kind.date:
      return { kind: 'date', value: s.text[i] ?? '' };
    case Kind.other:
      return { kind: 'other', value: s.text[i] ?? '' };
    default:
      return EMPTY;
  }
};

/** Only call with a layout from clippedMerges (bounded in number of covered cells). */
const gridOfSheet = (sheet: string, s: SheetCells, layout: SheetLayout = { merges: [], rows: s.rows, columns: s.columns }): Grid => {
  const { rows, columns, merges } = layout;
  // Where each row's cells lie in the flat arrays (sorted by row, then column): [rowStart, rowEnd).
  const rowStart = new Int32Array(rows + 1).fill(-1);
  const rowEnd = new Int32Array(rows + 1);
  for (let i = 0; i < s.row.length; i += 1) {
    const r = s.row[i] ?? 0;
    if ((rowStart[r] ?? 0) < 0) rowStart[r] = i;
    rowEnd[r] = i + 1;
  }
  const indexOf = (row: number, column: number): number => {
    if (row < 1 || row > rows) return -1;
    let lo = rowStart[row] ?? -1;
    if (lo < 0) return -1;
    let hi = (rowEnd[row] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = s.column[mid] ?? 0;
      if (c === column) return mid;
      if (c < column) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const key = (row: number, column: number): number => row * (columns + 1) + column;
  const masterOf = new Map<number, { row: number; column: number }>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r += 1)
      for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) masterOf.set(key(r, c), { row: m.top, column: m.left });
  const own = (row: number, column: number): CellContent => {
    const i = indexOf(row, column);
    return i < 0 ? EMPTY : contentAt(s, i);
  };
  const at = (row: number, column: number): GridCell => {
    const address = a1(row, column);
    if (row < 1 || column < 1 || row > rows || column > columns) return { address, content: EMPTY, mergedCopy: false };
    const master = masterOf.get(key(row, column));
    if (master) return { address, content: own(master.row, master.column), mergedCopy: true, master };
    return { address, content: own(row, column), mergedCopy: false };
  };
  const filled = function* (): Iterable<{ row: number; column: number }> {
    for (let i = 0; i < s.row.length; i += 1) {
      const row = s.row[i] ?? 0;
      const column = s.column[i] ?? 0;
      // A covered cell's own value is hidden by its merge; it is visited below, as the merge's.
      if (!masterOf.has(key(row, column))) yield { row, column };
    }
    for (const m of merges) {
      if (own(m.top, m.left).kind === 'empty') continue;
      for (let r = m.top; r <= m.bottom; r += 1) for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) yield { row: r, column: c };
    }
  };
  return { sheet, rows, columns, at, filled };
};

export { clippedMerges, gridOfSheet };
export type { SheetLayout, MergeBounds };
