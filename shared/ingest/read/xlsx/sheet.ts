// One worksheet part reduced to its non-empty cells, kept in flat arrays (a few numbers per
// cell, not an object per cell), its merged ranges and its extent. Data validations,
// conditional formats and hyperlinks are never read: spreadsheet libraries expand their ranges
// into every covered cell, and a whole-column rule (what Excel writes when a column is
// selected) made that run for minutes. Merged ranges are kept as ranges and clipped to the
// cells the sheet really holds.
import { columnNumber } from '../../../text/index.ts';
import type { CellContent } from '../grid.ts';
import type { NumberStyles } from './styles.ts';
import { attr, textRuns, unescapeXml } from './xml.ts';

/** Cell kinds as stored; a number's percent format is a kind of its own. */
const Kind = { number: 0, percent: 1, text: 2, formulaNoValue: 3, error: 4, date: 5, other: 6 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface SheetCells {
  /** Extent of the cells present in the XML (empty styled cells included), 1-based. */
  rows: number;
  columns: number;
  /** Parallel arrays, one entry per non-empty cell, in row then column order. */
  row: number[];
  column: number[];
  kind: Kind[];
  number: number[];
  text: (string | undefined)[];
  /** Merged ranges as written, before clipping. */
  merges: MergedRange[];
}

interface SheetContext {
  sharedStrings: readonly string[];
  styles: NumberStyles;
  /** The workbook counts days from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
// Day 25569 is 1970-01-01 in the 1900 system; the 1904 system starts 1462 days later.
const isoDateOfSerial = (serial: number, date1904: boolean): string | null => {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
};

const REF = /^([A-Z]{1,3})(\d+)$/;
const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

const rangeOf = (ref: string): MergedRange | null => {
  const m = RANGE.exec(ref.trim().toUpperCase());
  if (!m?.[1] || !m[2]) return null;
  const a = { row: Number(m[2]), column: columnNumber(m[1]) };
  const b = m[3] && m[4] ? { row: Number(m[4]), column: columnNumber(m[3]) } : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
};

// One token of the sheet data: a row's start tag, or a cell (self-closing, or with its content).
const TOKEN = /<((?:\w+:)?)(row|c)\b([^>]*?)(\/?)>|<\/(?:\w+:)?sheetData>/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f[\s>/]/;
const INLINE = /<(?:\w+:)?is\b/;

/** What a cell's type, value, formula and style make of it. */
const contentOfCell = (type: string | null, inner: string, style: number, ctx: SheetContext): CellContent => {
  const raw = VALUE.exec(inner)?.[1];
  const hasFormula = inner !== '' && FORMULA.test(inner);
  if (type === 'inlineStr' || (type === null && INLINE.test(inner))) {
    const text = textRuns(inner);
    return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
  }
  if (raw === undefined) return hasFormula ? { kind: 'formula-no-value' } : { kind: 'empty' };
  const value = unescapeXml(raw);
  switch (type) {
    case 's': {
      const text = ctx.sharedStrings[Number(value)];
      return text === undefined || text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
    }
    case 'str':
      return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value };
    case 'b':
      return { kind: 'other', value: value === '1' || value === 'true' ? 'true' : 'false' };
    case 'e':
      return { kind: 'error', value };
    case 'd':
      return { kind: 'date', value: value.trim().slice(0, 10) };
    default: {
      if (value.trim() === '') return hasFormula ? { kind: 'formula-no-value' } : { kind: 'empty' };
      const n = Number(value);
      if (!Number.isFinite(n)) return { kind: 'error', value };
      if (ctx.styles.date(style)) {
        const iso = isoDateOfSerial(n, ctx.date1904);
        return iso ? { kind: 'date', value: iso } : { kind: 'other', value };
      }
      return { kind: 'number', value: n, percentFormat: ctx.styles.percent(style) };
    }
  }
};

const emptySheet = (): SheetCells => ({ rows: 0, columns: 0, row: [], column: [], kind: [], number: [], text: [], merges: [] });

const store = (s: SheetCells, row: number, column: number, content: CellContent): void => {
  if (content.kind === 'empty') return;
  s.row.push(row);
  s.column.push(column);
  switch (content.kind) {
    case 'number':
      s.kind.push(content.percentFormat ? Kind.percent : Kind.number);
      s.number.push(content.value);
      s.text.push(undefined);
      return;
    case 'formula-no-value':
      s.kind.push(Kind.formulaNoValue);
      s.number.push(0);
      s.text.push(undefined);
      return;
    default:
      s.kind.push(content.kind === 'text' ? Kind.text : content.kind === 'error' ? Kind.error : content.kind === 'date' ? Kind.date : Kind.other);
      s.number.push(0);
      s.text.push(content.value);
  }
};

/** Puts the cells in row then column order when the XML did not (it almost always does). */
const sortCells = (s: SheetCells): void => {
  let sorted = true;
  for (let i = 1; i < s.row.length && sorted; i += 1) {
    const dr = (s.row[i] ?? 0) - (s.row[i - 1] ?? 0);
    if (dr < 0 || (dr === 0 && (s.column[i] ?? 0) <= (s.column[i - 1] ?? 0))) sorted = false;
  }
  if (sorted) return;
  const order = s.row.map((_, i) => i).sort((a, b) => (s.row[a] ?? 0) - (s.row[b] ?? 0) || (s.column[a] ?? 0) - (s.column[b] ?? 0) || a - b);
  // A cell written twice keeps its last value, as a spreadsheet would.
  const kept = order.filter((i, k) => {
    const next = order[k + 1];
    return next === undefined || s.row[next] !== s.row[i] || s.column[next] !== s.column[i];
  });
  const pick = <T>(a: T[]): T[] => kept.map((i) => a[i] as T);
  Object.assign(s, { row: pick(s.row), column: pick(s.column), kind: pick(s.kind), number: pick(s.number), text: pick(s.text) });
};

/** Reads a worksheet part's cells and merged ranges. */
const readSheetXml = (xml: string, ctx: SheetContext): SheetCells => {
  const s = emptySheet();
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  let row = 0;
  let column = 0;
  let dataEnd = dataStart;
  if (dataStart >= 0) {
    TOKEN.lastIndex = dataStart;
    for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
      if (m[2] === undefined) {
        dataEnd = TOKEN.lastIndex;
        break;
      }
      const attrs = m[3] ?? '';
      if (m[2] === 'row') {
        const r = Number(attr(attrs, 'r'));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        column = 0;
        s.rows = Math.max(s.rows, row);
        continue;
      }
      const ref = REF.exec(attr(attrs, 'r') ?? '');
      if (ref?.[1] && ref[2]) {
        column = columnNumber(ref[1]);
        row = Number(ref[2]);
      } else column += 1;
      let inner = '';
      if (m[4] !== '/') {
        const close = xml.indexOf(`</${m[1] ?? ''}c>`, TOKEN.lastIndex);
        const end = close < 0 ? xml.length : close;
        inner = xml.slice(TOKEN.lastIndex, end);
        TOKEN.lastIndex = end;
      }
      s.rows = Math.max(s.rows, row);
      s.columns = Math.max(s.columns, column);
      store(s, row, column, contentOfCell(attr(attrs, 't'), inner, Number(attr(attrs, 's') ?? 0), ctx));
    }
  }
  const rest = dataEnd >= 0 ? xml.slice(dataEnd) : xml;
  for (const [tag] of rest.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
    const range = rangeOf(attr(tag, 'ref') ?? '');
    if (range && (range.bottom > range.top || range.right > range.left)) s.merges.push(range);
  }
  sortCells(s);
  return s;
};

export { readSheetXml, rangeOf, isoDateOfSerial, Kind };
export type { SheetCells, SheetContext, MergedRange };
