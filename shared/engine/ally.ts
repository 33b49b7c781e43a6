// One ally's standing: every year's amounts, ratios, tracks, gaps and legacy checks, its
// baselines, and the credibility of its plan. Also hands the aggregates its USD figures.
import type { AllyResult, AllyYearResult, Rules, SubmissionRecord, Track, TrackResult } from '../model/index.ts';
import { effectiveTargets, FigureStatus, TrackStatus } from '../model/index.ts';
import type { AllyRef } from '../reference/types.ts';
import type { AggregateEntry, UsdFigures } from './aggregates.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { add, div, fromNumber, gte, toNumber } from './exact.ts';
import { trackGap } from './gaps.ts';
import type { PlanYearView } from './plan-credibility.ts';
import { assessPlan } from './plan-credibility.ts';
import type { YearAmounts, YearRatios } from './ratios.ts';
import { joinReasons, reasonList, yearAmounts, yearRatios } from './ratios.ts';
import { judgeTrack } from './track-status.ts';
import type { Baseline } from './trajectory.ts';
import { findBaseline, pathAt } from './trajectory.ts';

/** National currency units per USD for a currency and year, or null when unknown. */
type UsdRate = (currency: string, year: number) => number | null;

interface AllyAssessment {
  result: AllyResult;
  /** The ally's part of each year's aggregates, by year (only years it has a record for). */
  aggregates: Map<number, NonNullable<AggregateEntry['year']>>;
}

const TRACKS: readonly Track[] = ['core', 'security', 'combined'];
const NOT_ASSESSED = 'not assessed: the ally has no armed forces';

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));

interface YearWork {
  record: SubmissionRecord;
  amounts: YearAmounts;
  ratios: YearRatios;
  rate: Exact | null;
  noRate: string;
  /** Per track: the ratio judged and the amount counted. */
  judged: Record<Track, { ratio: Measured; counted: Measured }>;
}

const rateOf = (usdRate: UsdRate, currency: string, year: number): Exact | null => {
  const r = usdRate(currency, year);
  return r !== null && Number.isFinite(r) && r > 0 ? fromNumber(r) : null;
};

const prepareYear = (record: SubmissionRecord, rules: Rules, cap: Exact, usdRate: UsdRate): YearWork => {
  const amounts = yearAmounts(record, cap, rules.eligibleSecurityCategories);
  const ratios = yearRatios(amounts, cap);
  const combinedCounted: Measured =
    amounts.core.value !== null && amounts.securityCounted.value !== null
      ? { value: add(amounts.core.value, amounts.securityCounted.value) }
      : { value: null, reason: joinReasons(amounts.core, amounts.securityCounted) ?? 'figures missing' };
  return {
    record,
    amounts,
    ratios,
    rate: rateOf(usdRate, record.currency, record.year),
    noRate: `no USD exchange rate for ${record.currency} in ${record.year}`,
    judged: {
      core: { ratio: ratios.corePct, counted: amounts.core },
      security: { ratio: ratios.securityCountedPct, counted: amounts.securityCounted },
      combined: { ratio: ratios.combinedPct, counted: combinedCounted },
    },
  };
};

const usdFigures = (w: YearWork): UsdFigures => {
  const inUsd = (m: Measured) => (m.value === null || w.rate === null ? null : div(m.value, w.rate));
  const { gdp, core, security, securityCounted, equipment } = w.amounts;
  return {
    gdp: inUsd(gdp),
    core: inUsd(core),
    security: inUsd(security),
    securityCounted: inUsd(securityCounted),
    equipment: inUsd(equipment),
  };
};

const legacyCheck = (ratio: Measured, threshold: number): boolean | null =>
  ratio.value === null ? null : gte(ratio.value, fromNumber(threshold));

const assessAlly = (ref: AllyRef, records: readonly SubmissionRecord[], rules: Rules, usdRate: UsdRate): AllyAssessment => {
  const t = effectiveTargets(rules, ref.iso3);
  const noArmedForces = ref.noArmedForces === true;
  const assessed = (track: Track) => !noArmedForces || track === 'security';
  const targets: Record<Track, Exact> = {
    core: fromNumber(t.core),
    security: fromNumber(t.security),
    combined: fromNumber(t.combined),
  };
  const cap = fromNumber(t.securityCap);
  const work = [...records].sort((a, b) => a.year - b.year).map((r) => prepareYear(r, rules, cap, usdRate));

  const baselines = Object.fromEntries(
    TRACKS.map((track) => [
      track,
      assessed(track)
        ? findBaseline(work.map((w) => ({ year: w.record.year, pct: w.judged[track].ratio.value })), t.baselineYear)
        : null,
    ]),
  ) as Record<Track, Baseline | null>;

  const trackOf = (w: YearWork, track: Track): { result: TrackResult; path: Exact | null } => {
    const target = targets[track];
    const { ratio, counted } = w.judged[track];
    const year = w.record.year;
    if (!assessed(track)) {
      return {
        result: { status: TrackStatus.noData, target: t[track], path: null, gapNational: null, gapUsd: null, reason: NOT_ASSESSED, pct: num(ratio.value) },
        path: null,
      };
    }
    const path = pathAt(baselines[track], target, t.baselineYear, t.targetYear, year);
    const judgement = judgeTrack({ year, baselineYear: t.baselineYear, ratio, target, path });
    const gap = trackGap(target, w.amounts.gdp, counted, w.rate, w.noRate);
    const noPath =
      path === null && year >= t.baselineYear && baselines[track] === null && judgement.status === TrackStatus.met
        ? `no baseline: no ratio in ${t.baselineYear} or any earlier year to draw a path from`
        : undefined;
    const reason = joinReasons({ value: null, reason: judgement.reason }, { value: null, reason: noPath }, { value: null, reason: gap.reason });
    return {
      result: {
        status: judgement.status,
        target: t[track],
        path: num(path),
        gapNational: num(gap.national),
        gapUsd: num(gap.usd),
        ...(reason ? { reason } : {}),
        pct: num(ratio.value),
      },
      path,
    };
  };

  const aggregates: AllyAssessment['aggregates'] = new Map();
  const planViews: PlanYearView[] = [];
  const years = work.map((w): AllyYearResult => {
    const { record, amounts, ratios } = w;
    const tracks = { core: trackOf(w, 'core'), security: trackOf(w, 'security'), combined: trackOf(w, 'combined') };
    const legacy = noArmedForces
      ? { twoPercent: null, equipment20: null }
      : {
          twoPercent: legacyCheck(ratios.corePct, rules.legacy.gdpPct),
          equipment20: legacyCheck(ratios.equipmentSharePct, rules.legacy.equipmentSharePct),
        };
    const usd = usdFigures(w);
    aggregates.set(record.year, {
      usd,
      rateKnown: w.rate !== null,
      statuses: { core: tracks.core.result.status, security: tracks.security.result.status, combined: tracks.combined.result.status },
      ...legacy,
    });
    if (record.status === FigureStatus.plan) {
      planViews.push({
        year: record.year,
        tracks: TRACKS.filter(assessed).map((track) => ({
          track,
          status: tracks[track].result.status,
          pct: w.judged[track].ratio.value,
          path: tracks[track].path,
          target: targets[track],
          ...(tracks[track].result.reason ? { reason: tracks[track].result.reason } : {}),
        })),
      });
    }
    const yearReasons = reasonList(
      amounts.gdp,
      amounts.core,
      amounts.security,
      amounts.equipment,
      ratios.equipmentSharePct,
      { value: null, reason: w.rate === null ? w.noRate : undefined },
    );
    return {
      year: record.year,
      status: record.status,
      gdp: record.gdp,
      core: record.core,
      security: record.security,
      securityEligible: num(amounts.security.value),
      usd: {
        rate: num(w.rate),
        gdp: num(usd.gdp),
        core: num(usd.core),
        security: num(usd.security),
        equipment: num(usd.equipment),
      },
      corePct: num(ratios.corePct.value),
      securityPct: num(ratios.securityPct.value),
      securityCountedPct: num(ratios.securityCountedPct.value),
      combinedPct: num(ratios.combinedPct.value),
      equipmentSharePct: num(ratios.equipmentSharePct.value),
      tracks: { core: tracks.core.result, security: tracks.security.result, combined: tracks.combined.result },
      legacy,
      illustrative: record.illustrative ?? false,
      ...(record.notes !== undefined ? { notes: record.notes } : {}),
      source: {
        submissionId: record.provenance.submissionId,
        file: record.provenance.file,
        uploadedAt: record.provenance.uploadedAt,
      },
      ...(yearReasons.length > 0 ? { reasons: yearReasons } : {}),
    };
  });

  const baselineOut = (b: Baseline | null) => {
    const pct = b === null ? null : num(b.pct);
    return b === null || pct === null ? null : { year: b.year, pct };
  };

  return {
    result: {
      iso3: ref.iso3,
      name: ref.nameEn,
      currency: ref.currencies.at(-1)?.currency ?? '',
      noArmedForces,
      ...(noArmedForces
        ? { note: `${ref.nameEn} has no armed forces: its core and combined tracks and the Wales 2014 guidelines are not assessed` }
        : {}),
      baseline: { core: baselineOut(baselines.core), security: baselineOut(baselines.security), combined: baselineOut(baselines.combined) },
      plan: assessPlan(planViews, t.targetYear, fromNumber(rules.planTolerancePct)),
      years,
    },
    aggregates,
  };
};

export { assessAlly };
export type { AllyAssessment, UsdRate };
