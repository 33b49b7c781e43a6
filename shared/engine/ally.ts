// One ally's standing: every year's amounts, ratios, tracks, gaps and legacy checks, its
// baselines, its security-related target, its checkpoint in the review year, and the
// credibility of its plan, its plans against outturn and its money gap to the target year.
// Also hands the aggregates its USD figures on both bases and its money gap in USD.
import type { AllyCheckpoint, AllyResult, AllyYearResult, Rules, SubmissionRecord, Track } from '../model/index.ts';
import { AggregateBasis, effectiveTargets, FigureStatus, TrackStatus } from '../model/index.ts';
import type { AllyRef } from '../reference/index.ts';
import type { AggregateEntry } from './aggregates.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { fromNumber, gte, sub, toNumber } from './exact.ts';
import type { Conversion, Rates } from './exchange.ts';
import { conversionFor, observedConversion } from './exchange.ts';
import type { MoneyGapAssessment } from './money-gap.ts';
import { assessMoneyGap } from './money-gap.ts';
import type { PlanYearView } from './plan-credibility.ts';
import { assessPlan } from './plan-credibility.ts';
import type { Comparison, FigureVintage } from './plan-outturn.ts';
import { deliveryOf, yearOutturn } from './plan-outturn.ts';
import { reasonList, yearAmounts, yearRatios } from './ratios.ts';
import { securityNeed, securityTarget } from './security-need.ts';
import type { TrackContext, YearTrack } from './track-result.ts';
import { yearTrack } from './track-result.ts';
import type { Baseline } from './trajectory.ts';
import { findBaseline, pathAt } from './trajectory.ts';
import type { YearWork } from './year-work.ts';
import { prepareYear, usdAt } from './year-work.ts';

interface AllyAssessment {
  result: AllyResult;
  /** The ally's part of each year's aggregates, by year (only years it has a record for). */
  aggregates: Map<number, NonNullable<AggregateEntry['year']>>;
  /** The money gap with its exact USD sums; null when the ally has none (no armed forces, no figures). */
  moneyGap: MoneyGapAssessment | null;
}

/** The constant basis as the ally sees it. */
interface ConstantBasis {
  rateYear: number | null;
  basisLabel: string;
}

const TRACKS: readonly Track[] = ['core', 'security', 'combined'];

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));

const atLeast = (ratio: Measured, threshold: number): boolean | null =>
  ratio.value === null ? null : gte(ratio.value, fromNumber(threshold));

const baselineOut = (b: Baseline | null) => {
  const pct = b === null ? null : num(b.pct);
  return b === null || pct === null ? null : { year: b.year, pct };
};

const usdOut = (w: YearWork): AllyYearResult['usd'] => {
  const c = w.conversion;
  const usd = usdAt(w.amounts, w.rate);
  return {
    rate: num(w.rate),
    rateYear: c?.rateYear ?? null,
    carriedForward: c !== null && c.rateYear !== w.record.year,
    ...(c?.legacy ? { legacy: c.legacy } : {}),
    gdp: num(usd.gdp),
    core: num(usd.core),
    security: num(usd.security),
    equipment: num(usd.equipment),
  };
};

type YearTracks = Record<Track, YearTrack> & { need: Measured };

const yearResult = (w: YearWork, tracks: YearTracks, legacy: AllyYearResult['legacy'], earlierFigures: AllyYearResult['earlierFigures']): AllyYearResult => {
  const { record, amounts, ratios } = w;
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
    usd: usdOut(w),
    corePct: num(ratios.corePct.value),
    securityPct: num(ratios.securityPct.value),
    securityCountedPct: num(ratios.securityCountedPct.value),
    combinedPct: num(ratios.combinedPct.value),
    equipmentSharePct: num(ratios.equipmentSharePct.value),
    tracks: {
      core: tracks.core.result,
      security: { ...tracks.security.result, needPct: num(tracks.need.value), contributionPct: num(ratios.securityCountedPct.value) },
      combined: tracks.combined.result,
    },
    legacy,
    illustrative: record.illustrative ?? false,
    ...(record.notes !== undefined ? { notes: record.notes } : {}),
    source: { submissionId: record.provenance.submissionId, file: record.provenance.file, uploadedAt: record.provenance.uploadedAt },
    earlierFigures,
    ...(reasons.length > 0 ? { reasons } : {}),
  };
};

/** Where the ally stands in the review year: each track's status and its distance to the path. */
const checkpointOf = (year: number | undefined, judged: ReadonlyMap<number, { w: YearWork; tracks: YearTracks }>, targets: Record<Track, number>): AllyCheckpoint | null => {
  if (year === undefined) return null;
  const at = judged.get(year);
  const track = (t: Track) => {
    if (at === undefined) return { status: TrackStatus.noData, pct: null, path: null, target: targets[t], aheadOfPathPct: null, reason: `no figures for ${year}` };
    const { result, path } = at.tracks[t];
    const pct = at.w.judged[t].ratio.value;
    return {
      status: result.status,
      pct: num(pct),
      path: result.path,
      target: result.target,
      aheadOfPathPct: pct === null || path === null ? null : num(sub(pct, path)),
      ...(result.reason ? { reason: result.reason } : {}),
    };
  };
  return {
    year,
    figures: at?.w.record.status ?? null,
    illustrative: at?.w.record.illustrative ?? false,
    tracks: {
      core: track('core'),
      security: { ...track('security'), needPct: at ? num(at.tracks.need.value) : null },
      combined: track('combined'),
    },
  };
};

/**
 * @param vintages every accepted submission's figures for this ally (the records' own included or not)
 * @param constant the constant basis: the year whose rates convert every year, or null, and its label
 */
const assessAlly = (
  ref: AllyRef,
  records: readonly SubmissionRecord[],
  vintages: readonly FigureVintage[],
  rules: Rules,
  rates: Rates,
  constant: ConstantBasis,
): AllyAssessment => {
  const constantRateYear = constant.rateYear;
  const targets = effectiveTargets(rules, ref.iso3);
  const noArmedForces = ref.noArmedForces === true;
  const assessed = (track: Track) => !noArmedForces || track === 'security';
  const cap = fromNumber(targets.securityCap);
  const work = [...records]
    .sort((a, b) => a.year - b.year)
    .map((r) => prepareYear(r, rules, cap, conversionFor(ref, r.currency, r.year, rates)));
  const inTargetYear = work.find((w) => w.record.year === targets.targetYear);
  const security = securityTarget(inTargetYear?.ratios.corePct.value ?? null, targets, noArmedForces);
  const trackTarget: Record<Track, Exact> = { core: fromNumber(targets.core), security: security.pct, combined: fromNumber(targets.combined) };
  const contexts = Object.fromEntries(
    TRACKS.map((track): [Track, TrackContext] => {
      const ratios = work.map((w) => ({ year: w.record.year, pct: w.judged[track].ratio.value }));
      const baseline = assessed(track) ? findBaseline(ratios, targets.baselineYear) : null;
      return [track, { track, targets, target: trackTarget[track], baseline, assessed: assessed(track) }];
    }),
  ) as Record<Track, TrackContext>;

  const aggregates: AllyAssessment['aggregates'] = new Map();
  const judged = new Map<number, { w: YearWork; tracks: YearTracks }>();
  const planViews: PlanYearView[] = [];
  const comparisons: Comparison[] = [];
  const ratiosOf = (figures: Parameters<typeof yearAmounts>[0]) => yearRatios(yearAmounts(figures, cap, rules.eligibleSecurityCategories), cap);
  const years = work.map((w): AllyYearResult => {
    const need = securityNeed(w.ratios.corePct, targets, noArmedForces);
    const tracks: YearTracks = {
      core: yearTrack(w, contexts.core),
      security: yearTrack(w, contexts.security, need),
      combined: yearTrack(w, contexts.combined),
      need,
    };
    judged.set(w.record.year, { w, tracks });
    const legacy = noArmedForces
      ? { twoPercent: null, equipment20: null }
      : { twoPercent: atLeast(w.ratios.corePct, rules.legacy.gdpPct), equipment20: atLeast(w.ratios.equipmentSharePct, rules.legacy.equipmentSharePct) };
    aggregates.set(w.record.year, aggregateEntryYear(ref, w, rates, constantRateYear, tracks, legacy));
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
    const outturn = yearOutturn(w, vintages.filter((v) => v.year === w.record.year), ratiosOf);
    comparisons.push(...outturn.comparisons);
    return yearResult(w, tracks, legacy, outturn.figures);
  });

  const currency = ref.currencies.at(-1)?.currency ?? '';
  const lastCurrency = work.at(-1)?.record.currency ?? currency;
  const moneyGap =
    noArmedForces || work.length === 0
      ? null
      : assessMoneyGap({
          currency: lastCurrency,
          work,
          fromYear: targets.baselineYear,
          toYear: targets.targetYear,
          pathAt: {
            core: (year) => pathAt(contexts.core.baseline, contexts.core.target, targets.baselineYear, targets.targetYear, year),
            combined: (year) => pathAt(contexts.combined.baseline, contexts.combined.target, targets.baselineYear, targets.targetYear, year),
          },
          constant: {
            rateYear: constantRateYear,
            basisLabel: constant.basisLabel,
            conversion: constantRateYear === null ? null : observedConversion(ref, lastCurrency, constantRateYear, rates.usdRate),
            noRate:
              constantRateYear === null
                ? 'no year of the rate table has a rate for every ally'
                : `no exchange rate for ${lastCurrency} in ${constantRateYear}`,
          },
        });

  const shownTargets = { core: targets.core, security: num(security.pct) ?? targets.securityCap, combined: targets.combined };
  return {
    result: {
      iso3: ref.iso3,
      name: ref.nameEn,
      nameFr: ref.nameFr,
      currency,
      noArmedForces,
      ...(noArmedForces
        ? { note: `${ref.nameEn} has no armed forces: its core and combined tracks and the Wales 2014 guidelines are not assessed` }
        : {}),
      baseline: {
        core: baselineOut(contexts.core.baseline),
        security: baselineOut(contexts.security.baseline),
        combined: baselineOut(contexts.combined.baseline),
      },
      securityTarget: { year: targets.targetYear, pct: shownTargets.security, corePct: num(security.corePct), from: security.from },
      plan: assessPlan(planViews, targets.targetYear, fromNumber(rules.planTolerancePct)),
      checkpoint: checkpointOf(rules.reviewYear, judged, shownTargets),
      delivery: deliveryOf(comparisons),
      moneyGap: moneyGap?.result ?? null,
      years,
    },
    aggregates,
    moneyGap,
  };
};

/** The ally's year as the aggregates see it: USD on both bases, or why a basis has no rate. */
const aggregateEntryYear = (
  ref: AllyRef,
  w: YearWork,
  rates: Rates,
  constantRateYear: number | null,
  tracks: YearTracks,
  legacy: AllyYearResult['legacy'],
): NonNullable<AggregateEntry['year']> => {
  const { year, currency } = w.record;
  const current: Conversion | null = w.conversion?.rateYear === year ? w.conversion : null;
  const constant = constantRateYear === null ? null : observedConversion(ref, currency, constantRateYear, rates.usdRate);
  return {
    usd: { [AggregateBasis.current]: usdAt(w.amounts, current?.rate ?? null), [AggregateBasis.constant]: usdAt(w.amounts, constant?.rate ?? null) },
    noRate: {
      [AggregateBasis.current]: current === null ? `no exchange rate for ${currency} in ${year}` : null,
      [AggregateBasis.constant]:
        constantRateYear === null
          ? 'no year of the rate table has a rate for every ally'
          : constant === null
            ? `no exchange rate for ${currency} in ${constantRateYear}`
            : null,
    },
    statuses: { core: tracks.core.result.status, security: tracks.security.result.status, combined: tracks.combined.result.status },
    ...legacy,
  };
};

export { assessAlly };
export type { AllyAssessment, ConstantBasis };
