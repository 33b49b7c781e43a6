// CSV as finance offices save it (decoded first, see ../csv-text.ts): comma- or
// semicolon-separated (Excel in French locales writes `;` because `,` is the decimal mark), or
// tab-separated (Excel's "Unicode text"), with quoted fields that may hold separators, quotes
// and line breaks.

type Delimiter = ',' | ';' | '\t';

/**
 * The separator that splits the first lines most often; a tab wins ties (no label holds one),
 * then `;` (it never appears in numbers).
 */
const sniffDelimiter = (text: string): Delimiter => {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
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

/** Rows of fields; a field's surrounding quotes are removed and doubled quotes undone. */
const parseCsv = (input: string): { rows: string[][]; delimiter: Delimiter } => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = sniffDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, delimiter };
};

export { parseCsv, sniffDelimiter };
export type { Delimiter };
