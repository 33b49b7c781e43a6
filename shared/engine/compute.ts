// The compliance engine's entry point: every ally of the reference, every year it has a
// record for, and the alliance's aggregates for every year anyone reported. Pure: the same
// records, rules and reference always give the same result, whatever the records' order.
import type { ComplianceResult, Rules, SubmissionRecord } from '../model/index.ts';
import type { AllyRef } from '../reference/index.ts';
import type { AggregateEntry } from './aggregates.ts';
import { aggregateYear, basisLabel } from './aggregates.ts';
import { allianceMoneyGap } from './money-gap-sums.ts';
import type { FigureVintage } from './plan-outturn.ts';
import { vintagesOfRecords } from './plan-outturn.ts';
import type { UsdRate } from './exchange.ts';
import { constantRateYear } from './exchange.ts';
import { AggregateBasis } from '../model/index.ts';
import { assessAlly } from './ally.ts';
import { DuplicateRecordError, UnknownAllyError } from './errors.ts';

interface EngineReference {
  /** Every ally; `europeCanada` says who counts in "Europe and Canada". */
  allies: readonly AllyRef[];
  /** National currency units per USD, yearly average; null when unknown. */
  usdRate: UsdRate;
  /** The years the exchange-rate table covers (with a rate or null): where carried-forward and constant rates are looked for. */
  rateYears: readonly number[];
}

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

interface ComputeOptions {
  /**
   * Every accepted submission's figures (the history behind the merged records), for plans
   * against outturn. Without it only the records themselves are known: no earlier figures.
   */
  vintages?: readonly FigureVintage[];
}

const computeCompliance = (
  records: readonly SubmissionRecord[],
  rules: Rules,
  reference: EngineReference,
  options: ComputeOptions = {},
): ComplianceResult => {
  const allies = [...reference.allies].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  const byAlly = recordsByAlly(records, allies);
  const rates = { usdRate: reference.usdRate, years: reference.rateYears };
  // The constant basis needs a rate for every ally that has figures, in the currency of its latest figures.
  const withFigures = allies.flatMap((ally) => {
    const latest = [...(byAlly.get(ally.iso3)?.values() ?? [])].sort((a, b) => b.year - a.year)[0];
    return latest && ally.noArmedForces !== true ? [{ ally, currency: latest.currency }] : [];
  });
  const constantYear = constantRateYear(withFigures, rates);
  const constant = { rateYear: constantYear, basisLabel: basisLabel(AggregateBasis.constant, constantYear) };
  const vintages = options.vintages ?? vintagesOfRecords(records);
  const assessed = allies.map((ref) => ({
    ref,
    ...assessAlly(ref, [...(byAlly.get(ref.iso3)?.values() ?? [])], vintages.filter((v) => v.ally === ref.iso3), rules, rates, constant),
  }));
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  const settings = { constantRateYear: constantYear, minCoveragePct: rules.aggregates.minCoveragePct };
  return {
    allies: assessed.map((a) => a.result),
    alliance: {
      constantRateYear: constantYear,
      years: years.map((year) =>
        aggregateYear(
          year,
          assessed.map(
            (a): AggregateEntry => ({
              iso3: a.ref.iso3,
              europeCanada: a.ref.europeCanada,
              noArmedForces: a.ref.noArmedForces === true,
              accession: a.ref.accession,
              year: a.aggregates.get(year) ?? null,
            }),
          ),
          settings,
        ),
      ),
      moneyGap: allianceMoneyGap(
        assessed.map((a) => ({
          iso3: a.ref.iso3,
          europeCanada: a.ref.europeCanada,
          noArmedForces: a.ref.noArmedForces === true,
          accession: a.ref.accession,
          gap: a.moneyGap,
        })),
        { fromYear: rules.baselineYear, toYear: rules.targetYear, constantRateYear: constantYear, minCoveragePct: rules.aggregates.minCoveragePct },
      ),
    },
  };
};

export { computeCompliance };
export type { EngineReference, ComputeOptions };
