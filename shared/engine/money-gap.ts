// The money gap over the commitment's years (baseline year to target year, 2025–2035): for each
// year, (path − ratio)·GDP/100 is what the ally spends below (positive) or above (negative) its
// path on a track; summed over the years, on two scenarios:
// - plan: the ally's own figures (actuals, estimates, plans), its last ratio held flat where
//   they stop;
// - latestActual: its figures up to its latest actual year, then that actual ratio held flat:
//   what reaching the path would take from today's effort alone.
// Each gives the shortfall (years above the path do not offset years below it) and the net sum.
// GDP is as submitted; a year without one has the last GDP before it grown at the ally's latest
// submitted growth (its last two consecutive years with GDP), or held flat without such years.
// USD at the constant basis' rates, so allies' gaps can be summed. All exact.
import type { AllyMoneyGap, GapSum, GapYear, LeftOutReason } from '../model/index.ts';
import { FigureStatus, GdpFrom, LeftOutReason as Reason, RatioFrom } from '../model/index.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { add, div, HUNDRED, integer, max, mul, pow, sub, sum, toNumber, ZERO } from './exact.ts';
import type { Conversion } from './exchange.ts';
import { amountAt } from './ratios.ts';
import type { YearWork } from './year-work.ts';

type GapTrack = 'core' | 'combined';
const GAP_TRACKS: readonly GapTrack[] = ['core', 'combined'];
type Scenario = 'plan' | 'latestActual';

interface MoneyGapInput {
  currency: string;
  /** The ally's years, ascending. */
  work: readonly YearWork[];
  fromYear: number;
  toYear: number;
  /** path(year) of each track, null without a baseline. */
  pathAt: Record<GapTrack, (year: number) => Exact | null>;
  /** The constant basis: its rate year and the ally's conversion then, or why there is none. */
  constant: { rateYear: number | null; conversion: Conversion | null; basisLabel: string; noRate: string };
}

interface ExactSum {
  shortfall: Exact | null;
  net: Exact | null;
}

interface MoneyGapAssessment {
  result: AllyMoneyGap;
  /** Per track and scenario, the USD sums (exact), null when unknown. */
  usd: Record<GapTrack, Record<Scenario, ExactSum>>;
  /** Per track and scenario, why the ally cannot be summed, or null when it can. */
  leftOut: Record<GapTrack, Record<Scenario, LeftOutWhy | null>>;
}

interface LeftOutWhy {
  reason: LeftOutReason;
  detail: string;
}

const ONE = integer(1);

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));

const ratioOf = (w: YearWork, track: GapTrack): Measured => (track === 'core' ? w.ratios.corePct : w.ratios.combinedPct);

interface Growth {
  factor: Exact;
  years: [number, number] | null;
  reason?: string;
}

/** The latest submitted growth: from the last two consecutive years with GDP, else none (flat). */
const growthOf = (gdp: ReadonlyMap<number, Exact>): Growth => {
  const last = Math.max(...gdp.keys());
  const g = gdp.get(last);
  const before = gdp.get(last - 1);
  const factor = g !== undefined && before !== undefined ? div(g, before) : null;
  if (factor === null) {
    return {
      factor: ONE,
      years: null,
      reason: Number.isFinite(last)
        ? `no GDP for ${last - 1} beside ${last}: GDP after ${last} held flat`
        : 'no GDP in any year',
    };
  }
  return { factor, years: [last - 1, last] };
};

interface YearRow {
  year: number;
  gdp: Exact | null;
  gdpFrom: GdpFrom | null;
  tracks: Record<GapTrack, { path: Exact | null; plan: Exact | null; planFrom: RatioFrom | null; latestActual: Exact | null }>;
}

const gap = (path: Exact | null, ratio: Exact | null, gdp: Exact | null): Exact | null =>
  path === null || ratio === null || gdp === null ? null : amountAt(sub(path, ratio), gdp);

const sumOf = (gaps: readonly (Exact | null)[]): ExactSum =>
  gaps.some((g) => g === null)
    ? { shortfall: null, net: null }
    : { shortfall: sum(gaps.map((g) => max(ZERO, g as Exact))), net: sum(gaps as Exact[]) };

const assessMoneyGap = (input: MoneyGapInput): MoneyGapAssessment => {
  const { work, fromYear, toYear, constant } = input;
  const submittedGdp = new Map(work.flatMap((w) => (w.amounts.gdp.value === null ? [] : [[w.record.year, w.amounts.gdp.value] as const])));
  const growth = growthOf(submittedGdp);
  const byYear = new Map(work.map((w) => [w.record.year, w]));
  const latestActual = [...work].reverse().find((w) => w.record.status === FigureStatus.actual && w.ratios.corePct.value !== null) ?? null;

  const gdpAt = (year: number): { gdp: Exact | null; from: GdpFrom | null } => {
    const own = submittedGdp.get(year);
    if (own !== undefined) return { gdp: own, from: GdpFrom.submitted };
    const earlier = [...submittedGdp.keys()].filter((y) => y < year);
    if (earlier.length === 0) return { gdp: null, from: null };
    const last = Math.max(...earlier);
    return { gdp: mul(submittedGdp.get(last) as Exact, pow(growth.factor, year - last)), from: GdpFrom.grown };
  };
  /** The ratio of the plan in a year: its own, else the latest earlier one held. */
  const planAt = (year: number, track: GapTrack): { pct: Exact | null; from: RatioFrom | null } => {
    const own = byYear.get(year);
    const ownPct = own ? ratioOf(own, track).value : null;
    if (ownPct !== null) return { pct: ownPct, from: RatioFrom.figures };
    const held = [...work].reverse().find((w) => w.record.year < year && ratioOf(w, track).value !== null);
    return held ? { pct: ratioOf(held, track).value, from: RatioFrom.held } : { pct: null, from: null };
  };

  const rows: YearRow[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const { gdp, from } = gdpAt(year);
    const tracks = Object.fromEntries(
      GAP_TRACKS.map((track) => {
        const plan = planAt(year, track);
        const actual =
          latestActual === null ? null : year <= latestActual.record.year ? plan.pct : ratioOf(latestActual, track).value;
        return [track, { path: input.pathAt[track](year), plan: plan.pct, planFrom: plan.from, latestActual: actual }];
      }),
    ) as YearRow['tracks'];
    rows.push({ year, gdp, gdpFrom: from, tracks });
  }

  const rate = constant.conversion?.rate ?? null;
  const inUsd = (x: Exact | null) => (x === null || rate === null ? null : div(x, rate));
  const national = (track: GapTrack, scenario: Scenario): ExactSum =>
    sumOf(rows.map((r) => gap(r.tracks[track].path, r.tracks[track][scenario], r.gdp)));

  /** Why a track's sums on a scenario are unknown (national first, then USD), or null when they are known. */
  const whyNot = (track: GapTrack, scenario: Scenario): LeftOutWhy | null => {
    const noGdp = rows.find((r) => r.gdp === null);
    if (noGdp) return { reason: Reason.noGdp, detail: `no GDP for ${noGdp.year} or any earlier year` };
    // The root cause first: combined ratios missing beside known core ones mean no security-related figures.
    const noRatio = rows.find((r) => r.tracks[track].plan === null);
    if (noRatio && track === 'combined' && noRatio.tracks.core.plan !== null) {
      return { reason: Reason.noSecurity, detail: `no combined ratio for ${noRatio.year} or any earlier year: security-related figures missing` };
    }
    const noPath = rows.find((r) => r.tracks[track].path === null);
    if (noPath) return { reason: Reason.noBaseline, detail: `no ${track} ratio in ${fromYear} or any earlier year to draw a path from` };
    if (noRatio) return { reason: Reason.noCore, detail: `no ${track} ratio for ${noRatio.year} or any earlier year` };
    if (scenario === 'latestActual') {
      if (latestActual === null) return { reason: Reason.noFigures, detail: 'no actual figures' };
      if (rows.some((r) => r.tracks[track].latestActual === null)) {
        return {
          reason: Reason.noSecurity,
          detail: `the latest actual figures (${latestActual.record.year}) have no combined ratio: security-related figures missing`,
        };
      }
    }
    if (rate === null) return { reason: Reason.noRate, detail: constant.noRate };
    return null;
  };

  const leftOut = Object.fromEntries(
    GAP_TRACKS.map((t) => [t, { plan: whyNot(t, 'plan'), latestActual: whyNot(t, 'latestActual') }]),
  ) as MoneyGapAssessment['leftOut'];
  const sums = Object.fromEntries(
    GAP_TRACKS.map((t) => [t, { plan: national(t, 'plan'), latestActual: national(t, 'latestActual') }]),
  ) as Record<GapTrack, Record<Scenario, ExactSum>>;
  const usd = Object.fromEntries(
    GAP_TRACKS.map((t) => [
      t,
      Object.fromEntries((['plan', 'latestActual'] as const).map((s) => [s, { shortfall: inUsd(sums[t][s].shortfall), net: inUsd(sums[t][s].net) }])),
    ]),
  ) as MoneyGapAssessment['usd'];

  const gapSum = (track: GapTrack, scenario: Scenario): GapSum => {
    const s = sums[track][scenario];
    const u = usd[track][scenario];
    const why = leftOut[track][scenario];
    const reason = s.net === null || u.net === null ? why?.detail : undefined;
    return {
      shortfallNational: num(s.shortfall),
      shortfallUsd: num(u.shortfall),
      netNational: num(s.net),
      netUsd: num(u.net),
      ...(reason ? { reason } : {}),
    };
  };

  const years: GapYear[] = rows.map((r) => {
    const track = (t: GapTrack) => {
      const x = r.tracks[t];
      return {
        pathPct: num(x.path),
        planPct: num(x.plan),
        planFrom: x.planFrom,
        planGapNational: num(gap(x.path, x.plan, r.gdp)),
        latestActualGapNational: num(gap(x.path, x.latestActual, r.gdp)),
      };
    };
    return { year: r.year, gdp: num(r.gdp), gdpFrom: r.gdpFrom, core: track('core'), combined: track('combined') };
  });

  const growthPct = num(mul(sub(growth.factor, ONE), HUNDRED));
  return {
    result: {
      fromYear,
      toYear,
      currency: input.currency,
      usd: {
        rateYear: constant.rateYear,
        rate: num(rate),
        basisLabel: constant.basisLabel,
        ...(rate === null ? { reason: constant.noRate } : {}),
      },
      gdpGrowth: { pct: growthPct, years: growth.years, ...(growth.reason ? { reason: growth.reason } : {}) },
      latestActual:
        latestActual === null
          ? null
          : {
              year: latestActual.record.year,
              corePct: num(latestActual.ratios.corePct.value),
              combinedPct: num(latestActual.ratios.combinedPct.value),
            },
      years,
      core: { plan: gapSum('core', 'plan'), latestActual: gapSum('core', 'latestActual') },
      combined: { plan: gapSum('combined', 'plan'), latestActual: gapSum('combined', 'latestActual') },
    },
    usd,
    leftOut,
  };
};

/** Adds exact sums, null when any is null. */
const addAll = (xs: readonly (Exact | null)[]): Exact | null => (xs.some((x) => x === null) ? null : xs.reduce<Exact>((a, x) => add(a, x as Exact), ZERO));

export { assessMoneyGap, addAll, GAP_TRACKS };
export type { GapTrack, Scenario, MoneyGapInput, MoneyGapAssessment, ExactSum };
