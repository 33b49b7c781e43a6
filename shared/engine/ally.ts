// One ally's standing: every year's amounts, ratios, tracks, gaps and legacy checks, its
// baselines, and the credibility of its plan. Also hands the aggregates its USD figures.
import type { AllyResult, AllyYearResult, Rules, SubmissionRecord, Track } from '../model/index.ts';
import { effectiveTargets, FigureStatus } from '../model/index.ts';
import type { AllyRef } from '../reference/types.ts';
import type { AggregateEntry } from './aggregates.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { fromNumber, gte, toNumber } from './exact.ts';
import type { PlanYearView } from './plan-credibility.ts';
import { assessPlan } from './plan-credibility.ts';
import { reasonList } from './ratios.ts';
import type { YearTrack } from './track-result.ts';
import { yearTrack } from './track-result.ts';
import type { Baseline } from './trajectory.ts';
import { findBaseline } from './trajectory.ts';
import type { UsdRate, YearWork } from './year-work.ts';
import { prepareYear, usdFigures } from './year-work.ts';

interface AllyAssessment {
  result: AllyResult;
  /** The ally's part of each year's aggregates, by year (only years it has a record for). */
  aggregates: Map<number, NonNullable<AggregateEntry['year']>>;
}

const TRACKS: readonly Track[] = ['core', 'security', 'combined'];

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));

const atLeast = (ratio: Measured, threshold: number): boolean | null =>
  ratio.value === null ? null : gte(ratio.value, fromNumber(threshold));

const baselineOut = (b: Baseline | null) => {
  const pct = b === null ? null : num(b.pct);
  return b === null || pct === null ? null : { year: b.year, pct };
};

const yearResult = (w: YearWork, tracks: Record<Track, YearTrack>, legacy: AllyYearResult['legacy']): AllyYearResult => {
  const { record, amounts, ratios } = w;
  const usd = usdFigures(w);
  const reasons = reasonList(amounts.gdp, amounts.core, amounts.security, amounts.equipment, ratios.equipmentSharePct, {
    value: null,
    reason: w.rate === null ? w.noRate : undefined,
  });
  return {
    year: record.year,
    status: record.status,
    gdp: record.gdp,
    core: record.core,
    security: record.security,
    securityEligible: num(amounts.security.value),
    usd: { rate: num(w.rate), gdp: num(usd.gdp), core: num(usd.core), security: num(usd.security), equipment: num(usd.equipment) },
    corePct: num(ratios.corePct.value),
    securityPct: num(ratios.securityPct.value),
    securityCountedPct: num(ratios.securityCountedPct.value),
    combinedPct: num(ratios.combinedPct.value),
    equipmentSharePct: num(ratios.equipmentSharePct.value),
    tracks: { core: tracks.core.result, security: tracks.security.result, combined: tracks.combined.result },
    legacy,
    illustrative: record.illustrative ?? false,
    ...(record.notes !== undefined ? { notes: record.notes } : {}),
    source: { submissionId: record.provenance.submissionId, file: record.provenance.file, uploadedAt: record.provenance.uploadedAt },
    ...(reasons.length > 0 ? { reasons } : {}),
  };
};

const assessAlly = (ref: AllyRef, records: readonly SubmissionRecord[], rules: Rules, usdRate: UsdRate): AllyAssessment => {
  const targets = effectiveTargets(rules, ref.iso3);
  const noArmedForces = ref.noArmedForces === true;
  const assessed = (track: Track) => !noArmedForces || track === 'security';
  const work = [...records].sort((a, b) => a.year - b.year).map((r) => prepareYear(r, rules, fromNumber(targets.securityCap), usdRate));
  const contexts = Object.fromEntries(
    TRACKS.map((track) => {
      const ratios = work.map((w) => ({ year: w.record.year, pct: w.judged[track].ratio.value }));
      const baseline = assessed(track) ? findBaseline(ratios, targets.baselineYear) : null;
      return [track, { track, targets, target: fromNumber(targets[track]), baseline, assessed: assessed(track) }];
    }),
  ) as Record<Track, Parameters<typeof yearTrack>[1]>;

  const aggregates: AllyAssessment['aggregates'] = new Map();
  const planViews: PlanYearView[] = [];
  const years = work.map((w): AllyYearResult => {
    const tracks = { core: yearTrack(w, contexts.core), security: yearTrack(w, contexts.security), combined: yearTrack(w, contexts.combined) };
    const legacy = noArmedForces
      ? { twoPercent: null, equipment20: null }
      : { twoPercent: atLeast(w.ratios.corePct, rules.legacy.gdpPct), equipment20: atLeast(w.ratios.equipmentSharePct, rules.legacy.equipmentSharePct) };
    aggregates.set(w.record.year, {
      usd: usdFigures(w),
      rateKnown: w.rate !== null,
      statuses: { core: tracks.core.result.status, security: tracks.security.result.status, combined: tracks.combined.result.status },
      ...legacy,
    });
    if (w.record.status === FigureStatus.plan) {
      planViews.push({
        year: w.record.year,
        tracks: TRACKS.filter(assessed).map((track) => ({
          track,
          status: tracks[track].result.status,
          pct: w.judged[track].ratio.value,
          path: tracks[track].path,
          target: contexts[track].target,
          ...(tracks[track].result.reason ? { reason: tracks[track].result.reason } : {}),
        })),
      });
    }
    return yearResult(w, tracks, legacy);
  });

  return {
    result: {
      iso3: ref.iso3,
      name: ref.nameEn,
      currency: ref.currencies.at(-1)?.currency ?? '',
      noArmedForces,
      ...(noArmedForces
        ? { note: `${ref.nameEn} has no armed forces: its core and combined tracks and the Wales 2014 guidelines are not assessed` }
        : {}),
      baseline: {
        core: baselineOut(contexts.core.baseline),
        security: baselineOut(contexts.security.baseline),
        combined: baselineOut(contexts.combined.baseline),
      },
      plan: assessPlan(planViews, targets.targetYear, fromNumber(rules.planTolerancePct)),
      years,
    },
    aggregates,
  };
};

export { assessAlly };
export type { AllyAssessment };
