// Whatever a CSV holds, the reader answers with drafts and findings: it never throws, never
// yields a negative or non-finite amount, and every finding carries a known code and a place.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import type { FindingCode } from '../../../../shared/findings/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { FindingSchema } from '../../../../shared/model/index.ts';
import { csvOf } from '../../../helpers/workbooks.ts';

/** The codes the reader words its findings by. */
const CODES = new Set<FindingCode>([
  'not-a-number',
  'negative-value',
  'formula-without-value',
  'unknown-unit',
  'pct-without-gdp',
  'too-many-rows',
  'too-many-columns',
  'no-table',
  'year-out-of-range',
  'unknown-status',
  'unknown-flag',
  'csv-decoded',
  'date-not-number',
  'year-not-whole',
  'ambiguous-separator',
  'unread-in-table',
  'unread-outside-table',
  'second-table',
  'sheet-other-ally',
  'ally-confusable',
]);

const cell = fc.oneof(
  fc.constantFrom('Year', 'Année', 'GDP', 'PIB', 'Defence expenditure', 'Personnel', 'Other', 'Total', 'Status', 'Cyber', '% of GDP', 'Units: k', 'Units: lakh', 'Country: Turkey'),
  fc.constantFrom('..', 'n/a', '-', '', 'actual', 'plan', 'maybe', '2024e', '1 234,5', '1,234.5', '12 %', '-5', '(3)', '1e9'),
  fc.integer({ min: 1900, max: 2200 }).map(String),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String),
  fc.string({ maxLength: 12 }),
);
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 });

const amountsOf = (d: { gdp: number | null; core: object; security: object }): number[] =>
  [d.gdp, ...Object.values(d.core), ...Object.values(d.security)].filter((v): v is number => typeof v === 'number');

describe('the reader on arbitrary tables', () => {
  it('answers every CSV with sound drafts and well-formed findings', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom(',' as const, ';' as const), async (rows, delimiter) => {
        // Act
        const result = await readSubmission(csvOf(rows, delimiter), 'random.csv', { limits: DEFAULT_LIMITS, expectedAlly: 'BEL' });

        // Assess
        for (const f of result.findings) {
          expect(CODES.has(f.code)).toBe(true);
          expect(FindingSchema.safeParse(f).success).toBe(true);
        }
        for (const d of result.drafts) for (const v of amountsOf(d)) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
