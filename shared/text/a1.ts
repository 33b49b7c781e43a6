// Spreadsheet cell addresses, written once: column letters and numbers, A1 addresses, and
// `Sheet!A1` references whose sheet name is quoted the way Excel writes it when it must be.

/** A1 column letters to a 1-based column number (A → 1, AA → 27); case is ignored. */
const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);

/** A 1-based column number to A1 letters (27 → AA). */
const columnLetters = (column: number): string => {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/** Row and column as an A1 address (row 7, column 4 → "D7"). */
const a1 = (row: number, column: number): string => `${columnLetters(column)}${row}`;

/** Column letters as the template's column map and Excel write them: one to three capitals. */
const COLUMN_LETTERS = /^[A-Z]{1,3}$/;

/**
 * Row and column of an A1 address: "D7", "$D$7" or one that names its sheet ("Data!D7",
 * "'Defence data'!D7"); null when the text is not one.
 */
const parseA1 = (address: string | null | undefined): { row: number; column: number } | null => {
  const m = address ? /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address) : null;
  if (!m?.[1] || !m[2]) return null;
  const row = Number(m[2]);
  return row > 0 ? { row, column: columnNumber(m[1]) } : null;
};

/**
 * Excel leaves a sheet name bare in a reference only when it is one word of letters, digits,
 * underscores and dots that does not start with a digit and cannot be read as a cell (`AB12`)
 * or an R1C1 reference; anything else is quoted.
 */
const needsQuotes = (sheet: string): boolean =>
  !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) || /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^([Rr]\d*)?([Cc]\d*)?$/.test(sheet);

/** A sheet name as it stands before the `!` of a reference: `Data`, `'Defence data'`, `'O''Neill'`. */
const sheetRef = (sheet: string): string => (needsQuotes(sheet) ? `'${sheet.replaceAll("'", "''")}'` : sheet);

/** "D7" on sheet "Data" → "Data!D7"; an address that already names its sheet is kept as it is. */
const sheetCell = (sheet: string, cell: string): string => (cell.includes('!') ? cell : `${sheetRef(sheet)}!${cell}`);

/** The cell part of a reference ("'My data'!D7" → "D7"). */
const cellOf = (reference: string): string => reference.slice(reference.lastIndexOf('!') + 1);

export { columnNumber, columnLetters, a1, parseA1, sheetRef, sheetCell, cellOf, COLUMN_LETTERS };
