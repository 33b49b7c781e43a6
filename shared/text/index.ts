// Public surface of the text helpers shared by ingest, the template, the findings' wording, the
// pipeline and the report renderers.
export { safeText } from './safe-text.ts';
export { formatBytes } from './bytes.ts';
export { formatAmount, formatPercent } from './numbers.ts';
export { columnNumber, columnLetters, a1, parseA1, sheetRef, sheetCell, cellOf, COLUMN_LETTERS } from './a1.ts';
export { Lang, LANGS } from './lang.ts';
export { normaliseLabel } from './normalise-label.ts';
