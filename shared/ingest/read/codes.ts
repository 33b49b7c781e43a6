// Wording of the reader's findings. Codes are stable; the reader only picks a code and the
// facts, and this table turns them into a sentence a submitting officer can act on.
import type { Finding } from '../../model/finding.ts';
import { Severity } from '../../model/vocab.ts';
import { fieldLabel, isFieldPath } from '../fields.ts';
import { rowColumnOf } from './grid.ts';

const ReadCode = {
  notANumber: 'not-a-number',
  negativeValue: 'negative-value',
  formulaWithoutValue: 'formula-without-value',
  unknownUnit: 'unknown-unit',
  pctWithoutGdp: 'pct-without-gdp',
  tooManyRows: 'too-many-rows',
  tooManyColumns: 'too-many-columns',
  noTable: 'no-table',
  yearOutOfRange: 'year-out-of-range',
  unknownStatus: 'unknown-status',
  unknownFlag: 'unknown-flag',
} as const;
type ReadCode = (typeof ReadCode)[keyof typeof ReadCode];

interface ReadFindingFacts {
  sheet: string | null;
  cell: string | null;
  year?: number | null;
  field?: string | null;
  found?: string | null;
  expected?: string | null;
}

const labelOf = (field: string | null | undefined): string =>
  field && isFieldPath(field) ? fieldLabel(field) : field ? field : 'The value';
const where = (f: ReadFindingFacts): string => (f.sheet && f.cell ? ` in ${f.sheet}!${f.cell}` : f.sheet ? ` in sheet "${f.sheet}"` : '');
const forYear = (f: ReadFindingFacts): string => (f.year ? ` for ${f.year}` : '');

const WORDING: Readonly<Record<ReadCode, (f: ReadFindingFacts) => string>> = {
  'not-a-number': (f) =>
    `${labelOf(f.field)}${forYear(f)}${where(f)} is "${f.found ?? ''}", which is not a number. Expected ${f.expected ?? 'a number such as 1234.5 or 1 234,5, or ".." if there is no figure'}.`,
  'negative-value': (f) =>
    `${labelOf(f.field)}${forYear(f)}${where(f)} is negative (${f.found ?? ''}). Expected ${f.expected ?? 'an amount of zero or more'}.`,
  'formula-without-value': (f) =>
    `${labelOf(f.field)}${forYear(f)}${where(f)} is a formula whose result was never calculated, so it has no value: open and save the file in Excel/LibreOffice so values are calculated, then upload it again.`,
  'unknown-unit': (f) =>
    `The unit "${f.found ?? ''}"${where(f)} is not one the reader knows. Expected ${f.expected ?? 'units, thousands, millions or billions (e.g. "EUR million", "en milliers", "bn"), or % of GDP'}.`,
  'pct-without-gdp': (f) =>
    `${labelOf(f.field)}${forYear(f)}${where(f)} is given as ${f.found ?? 'a share'} of GDP, but there is no GDP${forYear(f)} to turn it into an amount. Expected a GDP figure for the same year.`,
  'too-many-rows': (f) =>
    `Sheet "${f.sheet ?? ''}" uses ${f.found ?? 'too many'} rows, more than the ${f.expected ?? ''} a submission may have, so it was not read. Delete the unused rows below the table and save again.`,
  'too-many-columns': (f) =>
    `Sheet "${f.sheet ?? ''}" uses ${f.found ?? 'too many'} columns, more than the ${f.expected ?? ''} a submission may have, so it was not read. Delete the unused columns right of the table and save again.`,
  'no-table': (f) =>
    `No table of figures was found${f.found ? ` (${f.found})` : ''}. Expected ${f.expected ?? 'a table'}.`,
  'year-out-of-range': (f) =>
    `The year ${f.found ?? ''}${where(f)} is outside the years a submission can cover. Expected ${f.expected ?? 'a year'}.`,
  'unknown-status': (f) =>
    `The status "${f.found ?? ''}"${forYear(f)}${where(f)} is not one the reader knows. Expected ${f.expected ?? 'actual, estimate or plan'}.`,
  'unknown-flag': (f) =>
    `${labelOf(f.field)}${forYear(f)}${where(f)} is "${f.found ?? ''}", which is neither yes nor no. Expected ${f.expected ?? 'yes or no'}.`,
};

/** An error finding with its place, facts and sentence. */
const readFinding = (code: ReadCode, facts: ReadFindingFacts): Finding => {
  const finding: Finding = { severity: Severity.error, code, sheet: facts.sheet, cell: facts.cell, message: WORDING[code](facts) };
  const rc = facts.cell ? rowColumnOf(facts.cell) : null;
  if (rc) {
    finding.row = rc.row;
    finding.column = rc.column;
  }
  if (facts.year != null) finding.year = facts.year;
  if (facts.field != null) finding.field = facts.field;
  if (facts.found != null) finding.found = facts.found;
  if (facts.expected != null) finding.expected = facts.expected;
  return finding;
};

export { ReadCode, readFinding };
export type { ReadFindingFacts };
