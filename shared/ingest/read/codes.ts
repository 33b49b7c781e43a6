// The codes of the reader's findings. The reader only picks a code and the facts; their wording
// lives with every other ingest finding's in ../messages.ts.
import type { Finding } from '../../model/finding.ts';
import { Severity } from '../../model/vocab.ts';
import { findingOf } from '../messages.ts';
import type { FindingSpec } from '../messages.ts';

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

type ReadFindingFacts = Pick<FindingSpec, 'year' | 'field' | 'found' | 'expected' | 'params'> & {
  sheet: string | null;
  cell: string | null;
};

/** What the reader cannot read is an error: its figure would be missing from the record. */
const readFinding = (code: ReadCode, facts: ReadFindingFacts): Finding => findingOf({ severity: Severity.error, code, ...facts });

export { ReadCode, readFinding };
export type { ReadFindingFacts };
