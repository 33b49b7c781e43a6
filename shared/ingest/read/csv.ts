// CSV as finance offices save it (decoded first, see ../csv-text.ts): comma- or
// semicolon-separated (Excel in French locales writes `;` because `,` is the decimal mark), or
// tab-separated (Excel's "Unicode text"), with quoted fields that may hold separators, quotes
// and line breaks.
//
// Bounded: fields are sliced from the text (never built a character at a time), a quoted field
// may not outgrow what a spreadsheet cell holds, and reading stops at the first row past the
// row limit. A stray quote therefore costs at most one cell's worth of text, not the rest of
// the file: a 10 MB file whose third line opens a quote and never closes it used to be read as
// one 10 MB field, at over a gigabyte of memory.

type Delimiter = ',' | ';' | '\t';

/** Excel's own limit on the characters of one cell: a longer quoted field is a quote left open. */
const MAX_FIELD_CHARS = 32_767;

/** Why the text could not be read as a table. Lines and columns are 1-based. */
type CsvProblem =
  /** A quote opened at `line`, `column` that is not closed within one cell's length (or at all). */
  | { kind: 'unclosed-quote'; line: number; column: number }
  /** More rows than `maxRows`; reading stopped at the first row past it. */
  | { kind: 'too-many-rows'; rows: number };

type CsvParse = { rows: string[][]; delimiter: Delimiter; problem: CsvProblem | null };

/**
 * The separator that splits the first lines most often; a tab wins ties (no label holds one),
 * then `;` (it never appears in numbers).
 */
const sniffDelimiter = (text: string): Delimiter => {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  const count = (line: string, d: string): number => {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n += 1;
    }
    return n;
  };
  const total = (d: string): number => lines.reduce((s, l) => s + count(l, d), 0);
  if (total('\t') > 0 && total('\t') >= total(';') && total('\t') >= total(',')) return '\t';
  return total(';') >= total(',') && total(';') > 0 ? ';' : ',';
};

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Rows of fields; a field's surrounding quotes are removed and doubled quotes undone. With
 * `maxRows`, stops at the first row past it and says so.
 */
const parseCsv = (input: string, maxRows = Number.POSITIVE_INFINITY): CsvParse => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = sniffDelimiter(text);
  const sep = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const endRow = (): CsvProblem | null => {
    rows.push(row);
    row = [];
    return rows.length > maxRows ? { kind: 'too-many-rows', rows: rows.length } : null;
  };
  while (i <= text.length) {
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted field: find its closing quote (a doubled quote is a quote inside it).
      const open = { line, column: i - lineStart + 1 };
      const parts: string[] = [];
      let from = i + 1;
      let closed = false;
      let length = 0;
      for (;;) {
        const q = text.indexOf('"', from);
        const reach = q === -1 ? text.length : q;
        length += reach - from;
        if (length > MAX_FIELD_CHARS || q === -1) break;
        parts.push(text.slice(from, q));
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts.push('"');
          from = q + 2;
          continue;
        }
        closed = true;
        i = q + 1;
        break;
      }
      if (!closed) return { rows, delimiter, problem: { kind: 'unclosed-quote', ...open } };
      const field = parts.join('');
      for (let k = field.indexOf('\n'); k !== -1; k = field.indexOf('\n', k + 1)) line += 1;
      // Text after the closing quote, up to the separator, belongs to the same field.
      let end = i;
      while (end < text.length && ![sep, LF, CR].includes(text.charCodeAt(end))) end += 1;
      row.push(field + text.slice(i, end));
      i = end;
    } else {
      let end = i;
      while (end < text.length && ![sep, LF, CR].includes(text.charCodeAt(end))) end += 1;
      row.push(text.slice(i, end));
      i = end;
    }
    const at = text.charCodeAt(i);
    if (at === sep) {
      i += 1;
      continue;
    }
    if (i >= text.length) {
      // The last line, unless the text ended with a line break (no row of one empty field then).
      if (!(row.length === 1 && row[0] === '')) {
        const problem = endRow();
        if (problem) return { rows, delimiter, problem };
      }
      break;
    }
    i += at === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line += 1;
    lineStart = i;
    const problem = endRow();
    if (problem) return { rows, delimiter, problem };
  }
  return { rows, delimiter, problem: null };
};

export { parseCsv, sniffDelimiter, MAX_FIELD_CHARS };
export type { Delimiter, CsvParse, CsvProblem };
