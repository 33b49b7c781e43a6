import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../shared/engine/index.ts';
import type { SubmissionRecord } from '../../../shared/model/index.ts';
import { ComplianceResultSchema, FigureStatus, HAGUE_2025, SECURITY_PARTS, valuesOf } from '../../../shared/model/index.ts';
import { anAlly, rulesWith } from '../../helpers/engine-records.ts';

const ALLIES = ['AAA', 'BBB', 'ISL', 'USA'];

/** Non-negative amounts, weighted towards the awkward ones: zero, tiny, huge, and plain decimals. */
const amount = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const record: fc.Arbitrary<SubmissionRecord> = fc.record({
  ally: fc.constantFrom(...ALLIES),
  year: fc.integer({ min: 2020, max: 2040 }),
  status: fc.constantFrom(...valuesOf(FigureStatus)),
  gdp: fc.option(amount, { nil: null }),
  core: fc.record({ total: fc.option(amount, { nil: null }), equipment: maybe(amount), personnel: maybe(amount) }),
  security: fc.record({ total: fc.option(amount, { nil: null }), cyber: maybe(amount), militaryMobility: maybe(amount) }),
}).map((r) => ({
  ...r,
  currency: 'EUR',
  provenance: { submissionId: `${r.ally}-${r.year}`, file: 'f.xlsx', uploadedAt: '2026-01-01T00:00:00.000Z' },
}));

/** At most one record per ally and year, as the merge upstream guarantees. */
const records = fc.uniqueArray(record, { selector: (r) => `${r.ally}:${r.year}`, maxLength: 30 });
const rate = fc.option(fc.oneof(amount.filter((x) => x > 0), fc.constant(0), fc.constant(Number.NaN)), { nil: null });

const allNumbers = (x: unknown): number[] =>
  typeof x === 'number' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(allNumbers) : [];

describe('compliance engine properties', () => {
  it('never outputs NaN or Infinity and always validates, for arbitrary non-negative inputs', () => {
    const reference = (rates: Record<number, number | null>) => ({
      allies: ALLIES.map((iso3) =>
        anAlly(iso3, { group: iso3 === 'USA' ? 'north-america' : 'europe', europeCanada: iso3 !== 'USA', noArmedForces: iso3 === 'ISL' }),
      ),
      usdRate: (_currency: string, year: number) => rates[year] ?? null,
      rateYears: Object.keys(rates).map(Number),
    });
    const rules = fc.constantFrom(HAGUE_2025, rulesWith({ eligibleSecurityCategories: ['cyber', SECURITY_PARTS[0]] }));

    fc.assert(
      fc.property(records, fc.dictionary(fc.integer({ min: 2020, max: 2040 }).map(String), rate), rules, (recs, rates, r) => {
        // Act
        const result = computeCompliance(recs, r, reference(rates));

        // Assess
        expect(allNumbers(result).filter((n) => !Number.isFinite(n))).toEqual([]);
        expect(ComplianceResultSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
