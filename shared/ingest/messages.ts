// The one place where a finding's code and parameters become English sentences. The guard, the
// reader and the checks only pick a code and fill in facts; rewording (or adding French) never
// touches them.
import type { Finding } from '../model/finding.ts';
import type { Severity } from '../model/vocab.ts';
import { fieldLabel, isFieldPath } from '../submission/index.ts';
import { parseA1, sheetCell } from '../text/index.ts';

type ParamValue = string | number | null | undefined;
type MessageParams = Readonly<Record<string, ParamValue>>;

const str = (v: ParamValue): string => (v === null || v === undefined ? '' : String(v));

/** "Data!D7" when both are known, else whichever is. */
const place = (p: MessageParams): string => {
  const sheet = str(p.sheet);
  const cell = str(p.cell);
  if (sheet && cell) return sheetCell(sheet, cell);
  return sheet || cell;
};

/** " in Data!D7" / " for 2027" style suffixes, empty when the fact is unknown. */
const at = (p: MessageParams): string => (place(p) ? ` (${place(p)})` : '');
const forYear = (p: MessageParams): string => (p.year !== null && p.year !== undefined ? ` for ${p.year}` : '');
/** "Germany (DEU)" when the name is known, else the code alone. */
const named = (name: ParamValue, code: ParamValue): string => (str(name) ? `${str(name)} (${str(code)})` : str(code));

/** The value as given, or the fallback when it was not given at all (an empty text stays empty). */
const or = (v: ParamValue, fallback: string): string => (v === null || v === undefined ? fallback : String(v));

/** " in Data!D7", or ' in sheet "Data"' when only the sheet is known: the reader's way of placing a cell. */
const inPlace = (p: MessageParams): string => {
  const sheet = str(p.sheet);
  const cell = str(p.cell);
  if (sheet && cell) return ` in ${sheetCell(sheet, cell)}`;
  return sheet ? ` in sheet "${sheet}"` : '';
};

/** The field a cell holds, as the subject of a sentence. */
const subjectOf = (p: MessageParams): string => {
  const field = str(p.field);
  return isFieldPath(field) ? fieldLabel(field) : field || 'The value';
};

// The guard refuses the whole file over an oversized sheet; the reader only skips that sheet
// (its findings say `refused: 'sheet'`).
const notRead = (p: MessageParams): string => (p.refused === 'sheet' ? 'it' : 'the file');

const fieldLabelOf = (p: MessageParams): string => {
  const field = str(p.field);
  return isFieldPath(field) ? fieldLabel(field) : field || 'this value';
};

const SAVE_AS_STEPS = 'use File > Save As in Excel and choose "Excel Workbook (*.xlsx)", then upload that file.';
const SAVE_AS_XLSX = `To convert it, ${SAVE_AS_STEPS}`;

// What to do instead, for the wrong file types officers most often send.
const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  '.xlsb': SAVE_AS_XLSX,
  '.xltx': SAVE_AS_XLSX,
  '.numbers': 'In Numbers use File > Export To > Excel, then upload the .xlsx file.',
  '.txt': 'Save the table from Excel as "CSV UTF-8 (Comma delimited) (*.csv)" or as .xlsx and upload that file.',
  '.tsv': 'Save the table from Excel as "CSV UTF-8 (Comma delimited) (*.csv)" or as .xlsx and upload that file.',
  '.pdf': 'A PDF cannot be read; upload the workbook the PDF was made from, saved as .xlsx.',
  '.zip': 'Upload the workbook itself (.xlsx), not a zip archive of it.',
};

const EN: Readonly<Record<string, (p: MessageParams) => string>> = {
  // The file as a whole (guard).
  'empty-file': () => 'The file is empty (0 bytes). Save the workbook again and upload the saved file.',
  'file-too-large': (p) =>
    `The file is ${str(p.found)}, more than the ${str(p.expected)} allowed. Remove sheets and pictures that are not part of the submission, or split the years over several uploads.`,
  'legacy-xls': () => `This is an old-format Excel file (.xls), which is not accepted. ${SAVE_AS_XLSX}`,
  'macro-enabled': (p) =>
    `The workbook contains macros (${str(p.found)}), which are not accepted. To save a copy without them, ${SAVE_AS_STEPS}`,
  'ods-not-supported': () =>
    'This is an OpenDocument spreadsheet (.ods), which is not accepted. In LibreOffice use File > Save As and choose "Excel 2007-365 (.xlsx)", then upload that file.',
  'encrypted-workbook': () =>
    'The workbook is protected with a password, so it cannot be read. Remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear it), save, and upload again.',
  'not-a-workbook': (p) =>
    `The file is named like an Excel workbook but is ${str(p.found) || 'not one'}. Upload the submission itself, saved as an Excel workbook (.xlsx) or as CSV UTF-8 (.csv).`,
  'corrupt-zip': (p) =>
    `The workbook is damaged and cannot be opened (${str(p.found) || 'its zip structure is broken'}). Open it in Excel, save it again as .xlsx, and upload the saved file.`,
  'zip-too-many-entries': (p) =>
    `The workbook is made of ${str(p.found)} parts, more than the ${str(p.expected)} a submission can have. Remove extra sheets, pictures and embedded objects, save as .xlsx and upload again.`,
  'zip-too-large': (p) =>
    `Unpacked, the workbook would take ${str(p.found)}, more than the ${str(p.expected)} allowed. Remove sheets and objects that are not part of the submission and upload again.`,
  'zip-bomb': (p) =>
    `Part "${str(p.entry)}" of the workbook unpacks to far more than its size suggests (${str(p.found)}; at most ${str(p.expected)} allowed), so the file was not opened. Save the submission again from Excel as .xlsx and upload that file.`,
  'too-many-rows': (p) =>
    `Sheet "${str(p.sheet)}" uses ${or(p.found, 'too many')} rows, more than the ${str(p.expected)} a submission may have, so ${notRead(p)} was not read. Delete the unused rows below the table and save again.`,
  'too-many-columns': (p) =>
    `Sheet "${str(p.sheet)}" uses ${or(p.found, 'too many')} columns, more than the ${str(p.expected)} a submission may have, so ${notRead(p)} was not read. Delete the unused columns right of the table and save again.`,
  'unsupported-type': (p) =>
    `Files of type "${str(p.found) || 'unknown'}" are not accepted. ${UNSUPPORTED_HINTS[str(p.found).toLowerCase()] ?? 'Upload an Excel workbook (.xlsx) or a CSV file saved as "CSV UTF-8" (.csv).'}`,
  'csv-not-text': (p) =>
    `The .csv file is not UTF-8 text (${str(p.found)}). In Excel use File > Save As and choose "CSV UTF-8 (Comma delimited) (*.csv)", or upload the workbook as .xlsx.`,
  'workbook-unreadable': (p) =>
    `The workbook could not be read (${str(p.found) || 'it is damaged or not a spreadsheet'}). Open it in Excel, save it again as .xlsx, and upload the saved file.`,

  // Cells and tables (reader).
  'not-a-number': (p) =>
    `${subjectOf(p)}${forYear(p)}${inPlace(p)} is "${str(p.found)}", which is not a number. Expected ${or(p.expected, 'a number such as 1234.5 or 1 234,5, or ".." if there is no figure')}.`,
  'negative-value': (p) =>
    `${subjectOf(p)}${forYear(p)}${inPlace(p)} is negative (${str(p.found)}). Expected ${or(p.expected, 'an amount of zero or more')}.`,
  'formula-without-value': (p) =>
    `${subjectOf(p)}${forYear(p)}${inPlace(p)} is a formula whose result was never calculated, so it has no value: open and save the file in Excel/LibreOffice so values are calculated, then upload it again.`,
  'unknown-unit': (p) =>
    `The unit "${str(p.found)}"${inPlace(p)} is not one the reader knows. Expected ${or(p.expected, 'units, thousands, millions or billions (e.g. "EUR million", "en milliers", "bn"), or % of GDP')}.`,
  'pct-without-gdp': (p) =>
    `${subjectOf(p)}${forYear(p)}${inPlace(p)} is given as ${or(p.found, 'a share')} of GDP, but there is no GDP${forYear(p)} to turn it into an amount. Expected a GDP figure for the same year.`,
  'no-table': (p) => `No table of figures was found${str(p.found) ? ` (${str(p.found)})` : ''}. Expected ${or(p.expected, 'a table')}.`,
  'year-out-of-range': (p) =>
    `The year ${str(p.found)}${inPlace(p)} is outside the years a submission can cover. Expected ${or(p.expected, 'a year')}.`,
  'unknown-status': (p) =>
    `The status "${str(p.found)}"${forYear(p)}${inPlace(p)} is not one the reader knows. Expected ${or(p.expected, 'actual, estimate or plan')}.`,
  'unknown-flag': (p) =>
    `${subjectOf(p)}${forYear(p)}${inPlace(p)} is "${str(p.found)}", which is neither yes nor no. Expected ${or(p.expected, 'yes or no')}.`,

  // Records (checks).
  'no-years': () =>
    'No year with figures was found. Put the years in the first column (or across the first row) of the table, next to GDP and expenditure figures, and upload again.',
  'duplicate-year': (p) =>
    `The year ${str(p.year)} appears twice${at(p)}, first in ${str(p.firstPlace)}. Keep one row (or column) per year and remove the other.`,
  'breakdown-mismatch': (p) =>
    `The ${str(p.part)} breakdown${forYear(p)} adds up to ${str(p.found)}, but the total${at(p)} is ${str(p.total)} (allowed difference ${str(p.tolerance)}). Correct the total or the parts so they agree.`,
  'breakdown-exceeds-total': (p) =>
    `The parts given of the ${str(p.part)} breakdown${forYear(p)} add up to ${str(p.found)}, more than the total${at(p)} of ${str(p.total)} (allowed difference ${str(p.tolerance)}). Correct the total or the parts; parts left empty are fine.`,
  'gdp-jump': (p) =>
    `GDP changes by ${str(p.found)} from ${str(p.previousYear)} to ${str(p.year)}${at(p)}; a change of more than ${str(p.threshold)}% in a year is unusual. Check the figure and its unit (millions, not thousands); if it is right, no action is needed.`,
  'currency-not-ally': (p) =>
    `The figures${forYear(p)}${at(p)} are in ${str(p.found)}, but ${str(p.allyName)} used ${str(p.expected)} that year. Give the amounts in ${str(p.expected)}, or declare the right currency next to the table.`,
  'actual-in-future': (p) =>
    `Year ${str(p.year)}${at(p)} is marked "actual", but it is after ${str(p.currentYear)}, the year of this upload. Mark it "estimate" or "plan".`,
  'plan-in-past': (p) =>
    `Year ${str(p.year)}${at(p)} is marked "plan", but it is before ${str(p.currentYear)}, the year of this upload. If the figures are final, mark it "actual".`,
  'status-missing': (p) =>
    `No status is given for ${str(p.year)}${at(p)}; it was taken as "${str(p.assumed)}" (years before the upload year are actuals, the upload year an estimate, later years plans). Add a status to say otherwise.`,
  'ally-mismatch': (p) =>
    `The workbook${at(p)} gives figures for ${named(p.foundName, p.found)}, but it was uploaded under ${named(p.expectedName, p.expected)}. An upload may only carry figures for the ally it is filed under: upload it to submissions/${str(p.found)}/, or correct the ally named in the workbook.`,
  'ally-missing': (p) =>
    `The workbook does not say which ally it is for; the figures were taken as ${str(p.expected)}'s, the ally it was uploaded under.`,
  'ally-not-known': (p) =>
    `The upload is filed under "${str(p.found)}", which is not the ISO3 code of an ally. Upload it under submissions/<ISO3>/ with the ally's three-letter code (e.g. FRA).`,
  'ally-unknown': (p) =>
    `No ally was named in the workbook and none was given for the upload, so the figures cannot be filed. Put the ally's name or ISO3 code above the table${str(p.hint) ? `, ${str(p.hint)}` : ''}.`,
  'gdp-missing': (p) =>
    `No GDP is given${forYear(p)}${at(p)}, so that year's shares of GDP cannot be computed; it is kept but reported as "no data". Add the GDP figure.`,
  'total-missing': (p) =>
    `${fieldLabelOf(p)}${forYear(p)}${at(p)} is empty although its breakdown is given (${str(p.found)}), so that year's share cannot be computed. Enter the total.`,
  'invalid-record': (p) =>
    `The figures${forYear(p)}${at(p)} could not be turned into a record: ${str(p.found)}. Check ${fieldLabelOf(p)}.`,
};

/** A sentence for any code, including codes other modules coin: never an empty message. */
const messageFor = (code: string, params: MessageParams = {}): string => {
  const template = EN[code];
  if (template) return template(params);
  const found = str(params.found);
  const expected = str(params.expected);
  const facts = [found && `found ${found}`, expected && `expected ${expected}`].filter(Boolean).join('; ');
  return `${code.replaceAll('-', ' ')}${forYear(params)}${at(params)}${facts ? `: ${facts}` : ''}.`;
};

interface FindingSpec {
  severity: Severity;
  code: string;
  sheet?: string | null;
  cell?: string | null;
  ally?: string | null;
  year?: number | null;
  field?: string | null;
  found?: string | null;
  expected?: string | null;
  /** Extra facts the message needs beyond the fields above. */
  params?: MessageParams;
}

/** Builds a finding with its place filled in and its message worded here, never by the caller. */
const findingOf = (spec: FindingSpec): Finding => {
  const sheet = spec.sheet ?? null;
  const cell = spec.cell ?? null;
  const rc = parseA1(cell);
  const finding: Finding = {
    severity: spec.severity,
    code: spec.code,
    sheet,
    cell,
    message: messageFor(spec.code, {
      sheet,
      cell,
      year: spec.year,
      field: spec.field,
      ally: spec.ally,
      found: spec.found,
      expected: spec.expected,
      ...spec.params,
    }),
  };
  if (rc) Object.assign(finding, rc);
  if (spec.ally != null) finding.ally = spec.ally;
  if (spec.year != null) finding.year = spec.year;
  if (spec.field != null) finding.field = spec.field;
  if (spec.found != null) finding.found = spec.found;
  if (spec.expected != null) finding.expected = spec.expected;
  return finding;
};

/** Millions as a submitter would write them: at most three decimals, no exponent. */
const formatAmount = (n: number): string => String(Number(n.toFixed(3)));

export { messageFor, findingOf, formatAmount };
export type { MessageParams, FindingSpec };
