// Spreadsheet programs run a cell that starts with =, +, -, @ (and, in some, a tab or carriage
// return before them) as a formula, even from a CSV. Every string the project writes into a cell
// (report workbooks and CSV, the receipt sheet of an annotated copy) passes through safeText so
// text from a submission can never become one.
//
// Choice: prefix a single quote ('), as OWASP recommends for CSV injection. It is visible, so a
// reader of the CSV or workbook sees the text was altered, and it survives a round trip through
// any spreadsheet program; a leading space would be silently trimmed by some importers.

const FORMULA_START = /^[=+\-@\t\r]/;

const safeText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export { safeText };
