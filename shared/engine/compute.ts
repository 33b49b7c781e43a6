// The compliance engine's entry point: every ally of the reference, every year it has a
// record for, and the alliance's aggregates for every year anyone reported. Pure: the same
// records, rules and reference always give the same result, whatever the records' order.
import type { ComplianceResult, Rules, SubmissionRecord } from '../model/index.ts';
import type { AllyRef } from '../reference/types.ts';
import type { AggregateEntry } from './aggregates.ts';
import { aggregateYear } from './aggregates.ts';
import type { UsdRate } from './year-work.ts';
import { assessAlly } from './ally.ts';
import { DuplicateRecordError, UnknownAllyError } from './errors.ts';

interface EngineReference {
  allies: readonly AllyRef[];
  /** National currency units per USD, yearly average; null when unknown. */
  usdRate: UsdRate;
}

/**
 * "Europe and Canada" as NATO tabulates it: every ally of the europe group, plus Canada, the
 * one north-american ally besides the United States.
 */
const inEuropeCanada = (ref: AllyRef): boolean => ref.group === 'europe' || ref.iso3 === 'CAN';

/** Records by ally; throws on an unknown ally or on two records for one ally and year. */
const recordsByAlly = (records: readonly SubmissionRecord[], allies: readonly AllyRef[]) => {
  const byAlly = new Map<string, Map<number, SubmissionRecord>>(allies.map((a) => [a.iso3, new Map()]));
  for (const record of records) {
    const years = byAlly.get(record.ally);
    if (!years) throw new UnknownAllyError(record.ally);
    const earlier = years.get(record.year);
    if (earlier) {
      throw new DuplicateRecordError(record.ally, record.year, [earlier.provenance.submissionId, record.provenance.submissionId]);
    }
    years.set(record.year, record);
  }
  return byAlly;
};

const computeCompliance = (
  records: readonly SubmissionRecord[],
  rules: Rules,
  reference: EngineReference,
): ComplianceResult => {
  const allies = [...reference.allies].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  const byAlly = recordsByAlly(records, allies);
  const assessed = allies.map((ref) => ({
    ref,
    ...assessAlly(ref, [...(byAlly.get(ref.iso3)?.values() ?? [])], rules, reference.usdRate),
  }));
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  return {
    allies: assessed.map((a) => a.result),
    alliance: {
      years: years.map((year) =>
        aggregateYear(
          year,
          assessed.map(
            (a): AggregateEntry => ({
              iso3: a.ref.iso3,
              europeCanada: inEuropeCanada(a.ref),
              noArmedForces: a.ref.noArmedForces === true,
              year: a.aggregates.get(year) ?? null,
            }),
          ),
        ),
      ),
    },
  };
};

export { computeCompliance, inEuropeCanada };
export type { EngineReference };
