// Small, hand-made compliance results and datasets for the report renderers' tests. The ratios
// are derived from the amounts here so fixtures stay self-consistent; the engine is not involved.
import { HAGUE_2025 } from '../../shared/model/index.ts';
import type { AllyResult, AllyYearResult, ComplianceResult, GroupAggregate, GroupFigures, Rules, TrackResult } from '../../shared/model/index.ts';
import { buildDataset } from '../../shared/report/index.ts';
import type { BuildDatasetInput, ComplianceDataset, DatasetAlly } from '../../shared/report/index.ts';

interface YearSpec {
  year: number;
  status?: AllyYearResult['status'];
  gdp: number;
  core: number;
  security: number;
  equipment: number;
  /** National currency per USD. */
  rate: number;
  illustrative?: boolean;
  notes?: string;
  file?: string;
  submissionId?: string;
  /** What earlier submissions said about the year. */
  earlier?: AllyYearResult['earlierFigures'];
}

/**
 * A track as the engine reports it: met at or above the threshold (the target, or on the
 * security-related track the year's need), the gap what is still needed, zero once reached.
 */
const track = (pct: number, target: number, s: YearSpec, counted: number, threshold = target): TrackResult => {
  const status = s.year < HAGUE_2025.baselineYear ? 'pre_commitment' : pct >= threshold ? 'met' : 'off_track';
  const gapNational = Math.max(0, (threshold * s.gdp) / 100 - counted);
  return { status, target, pct, path: s.year < HAGUE_2025.baselineYear ? null : target, gapNational, gapUsd: gapNational / s.rate };
};

const allyYear = (s: YearSpec): AllyYearResult => {
  const corePct = (100 * s.core) / s.gdp;
  const securityPct = (100 * s.security) / s.gdp;
  const securityCountedPct = Math.min(securityPct, HAGUE_2025.tracks.security.cap);
  const combinedPct = corePct + securityCountedPct;
  const countedSecurity = Math.min(s.security, (HAGUE_2025.tracks.security.cap * s.gdp) / 100);
  const { cap } = HAGUE_2025.tracks.security;
  const need = Math.min(cap, Math.max(0, HAGUE_2025.tracks.combined.target - corePct));
  return {
    year: s.year,
    status: s.status ?? 'actual',
    gdp: s.gdp,
    core: { total: s.core, equipment: s.equipment, personnel: s.core - s.equipment },
    security: { total: s.security, cyber: s.security },
    securityEligible: s.security,
    usd: {
      rate: s.rate,
      rateYear: Math.min(s.year, 2024),
      carriedForward: s.year > 2024,
      gdp: s.gdp / s.rate,
      core: s.core / s.rate,
      security: s.security / s.rate,
      equipment: s.equipment / s.rate,
    },
    corePct,
    securityPct,
    securityCountedPct,
    combinedPct,
    equipmentSharePct: (100 * s.equipment) / s.core,
    tracks: {
      core: track(corePct, HAGUE_2025.tracks.core.target, s, s.core),
      security: {
        ...track(securityCountedPct, cap, s, countedSecurity, need),
        needPct: need,
        contributionPct: securityCountedPct,
      },
      combined: track(combinedPct, HAGUE_2025.tracks.combined.target, s, s.core + countedSecurity),
    },
    legacy: {
      twoPercent: corePct >= HAGUE_2025.legacy.gdpPct,
      equipment20: (100 * s.equipment) / s.core >= HAGUE_2025.legacy.equipmentSharePct,
    },
    illustrative: s.illustrative ?? false,
    ...(s.notes === undefined ? {} : { notes: s.notes }),
    source: {
      submissionId: s.submissionId ?? `sub-${s.year}`,
      file: s.file ?? 'submission.xlsx',
      uploadedAt: '2026-03-01T10:00:00.000Z',
    },
    earlierFigures: s.earlier ?? [],
  };
};

const ally = (iso3: string, name: string, currency: string, years: YearSpec[], extra: Partial<DatasetAlly> = {}): AllyResult => ({
  iso3,
  name,
  nameFr: `${name} (fr)`,
  currency,
  baseline: { core: null, security: null, combined: null },
  securityTarget: { year: HAGUE_2025.targetYear, pct: HAGUE_2025.tracks.security.cap, corePct: null, from: 'core_target' },
  plan: { credible: null, planYears: [], reasons: [] },
  checkpoint: checkpoint(years.map(allyYear)),
  delivery: delivery(years.map(allyYear)),
  moneyGap: years.length === 0 ? null : moneyGap(currency, years.at(-1)?.rate ?? 1),
  years: years.map(allyYear),
  ...extra,
});

/** The delivery summary over the years' earlier figures made 1 and 2 years ahead (last of their upload year). */
const delivery = (years: readonly AllyYearResult[]): AllyResult['delivery'] => {
  const miss = (diffs: number[]) =>
    diffs.length === 0
      ? { comparisons: 0, meanDiffPct: null, meanAbsDiffPct: null }
      : {
          comparisons: diffs.length,
          meanDiffPct: diffs.reduce((a, b) => a + b, 0) / diffs.length,
          meanAbsDiffPct: diffs.reduce((a, b) => a + Math.abs(b), 0) / diffs.length,
        };
  return {
    leads: [1, 2].map((aheadYears) => {
      const counted = years
        .filter((y) => y.status !== 'plan')
        .flatMap((y) => y.earlierFigures.filter((e) => e.aheadYears === aheadYears && e.lastOfUploadYear));
      return {
        aheadYears,
        core: miss(counted.flatMap((e) => (e.coreDiffPct === null ? [] : [e.coreDiffPct]))),
        combined: miss(counted.flatMap((e) => (e.combinedDiffPct === null ? [] : [e.combinedDiffPct]))),
      };
    }),
  };
};

/**
 * A money gap of fixed shape: GDP 1000 every year 2025-2035, plans at the path but 0.5 points
 * below it on core in 2035 (a shortfall of 5 there), the latest actual 1 point below the path
 * every year (10 a year).
 */
const moneyGap = (currency: string, rate: number): NonNullable<AllyResult['moneyGap']> => {
  const years = Array.from({ length: 11 }, (_, i) => 2025 + i);
  const sum = (national: number) => ({ shortfallNational: national, shortfallUsd: national / rate, netNational: national, netUsd: national / rate });
  return {
    fromYear: 2025,
    toYear: 2035,
    currency,
    usd: { rateYear: 2024, rate, basisLabel: 'at 2024 exchange rates' },
    gdpGrowth: { pct: 0, years: [2034, 2035] },
    latestActual: { year: 2025, corePct: 2, combinedPct: 3 },
    years: years.map((year) => ({
      year,
      gdp: 1000,
      gdpFrom: 'submitted' as const,
      core: { pathPct: 3, planPct: year === 2035 ? 2.5 : 3, planFrom: 'figures' as const, planGapNational: year === 2035 ? 5 : 0, latestActualGapNational: 10 },
      combined: { pathPct: 4, planPct: 4, planFrom: 'figures' as const, planGapNational: 0, latestActualGapNational: 10 },
    })),
    core: { plan: sum(5), latestActual: sum(110) },
    combined: { plan: sum(0), latestActual: sum(110) },
  };
};

/** The review year as the engine reports it; these fixtures have no 2029 figures. */
const checkpoint = (years: readonly AllyYearResult[]): AllyResult['checkpoint'] => {
  const year = HAGUE_2025.reviewYear ?? 2029;
  const none = (target: number) => ({ status: 'no_data' as const, pct: null, path: null, target, aheadOfPathPct: null, reason: `no figures for ${year}` });
  return years.some((y) => y.year === year)
    ? null
    : {
        year,
        figures: null,
        illustrative: false,
        tracks: { core: none(3.5), security: { ...none(1.5), needPct: null }, combined: none(5) },
      };
};

/**
 * Four allies over 2024-2026: Albania (below 2% core, 25% equipment), Germany (3.5% core met in
 * 2026, security above the cap), Iceland (no armed forces, no figures) and the United States.
 */
const makeResult = (): ComplianceResult => ({
  allies: [
    ally('USA', 'United States', 'USD', [
      { year: 2025, gdp: 30000000, core: 1023456.78, security: 90000, equipment: 300000, rate: 1 },
      { year: 2026, status: 'estimate', gdp: 31000000, core: 1085000, security: 155000, equipment: 310000, rate: 1 },
    ]),
    ally('ALB', 'Albania', 'ALL', [
      { year: 2024, gdp: 2000000, core: 36000, security: 2345.67, equipment: 9000, rate: 94.5 },
      { year: 2025, gdp: 2100000, core: 42000, security: 4200, equipment: 10500, rate: 92.4 },
      { year: 2026, status: 'plan', gdp: 2200000, core: 50600, security: 8800, equipment: 12650, rate: 91, illustrative: true },
    ]),
    ally('DEU', 'Germany', 'EUR', [
      { year: 2025, gdp: 4400000, core: 107777.7, security: 22000, equipment: 26400, rate: 0.9 },
      { year: 2026, gdp: 4500000, core: 157500, security: 90000, equipment: 36000, rate: 0.88 },
    ]),
    ally('ISL', 'Iceland', 'ISK', [], { noArmedForces: true }),
  ],
  alliance: {
    constantRateYear: 2024,
    moneyGap: {
      fromYear: 2025,
      toYear: 2035,
      basis: 'constant',
      rateYear: 2024,
      basisLabel: 'at 2024 exchange rates',
      all: groupGap(['ALB', 'DEU', 'USA']),
      europeCanada: groupGap(['ALB', 'DEU']),
    },
    years: [2026, 2024, 2025].map((year) => ({
      year,
      all: groupFigures(year, ['ALB', 'DEU', 'USA']),
      europeCanada: groupFigures(year, ['ALB', 'DEU']),
      counts: {
        core: { pre_commitment: 0, met: year === 2026 ? 1 : 0, on_track: 0, off_track: year === 2024 ? 0 : 2, no_data: 1 },
        security: { pre_commitment: 0, met: 1, on_track: 0, off_track: 1, no_data: 1 },
        combined: { pre_commitment: 0, met: 0, on_track: 0, off_track: 2, no_data: 1 },
        twoPercent: 2,
        equipment20: 3,
        reporting: 3,
      },
    })),
  },
});

/** A group's money gap: every ally's fixture gap (5 and 110 national) in USD, all covered. */
const groupGap = (allies: string[]): ComplianceResult['alliance']['moneyGap']['all'] => {
  const rates: Record<string, number> = { ALB: 91, DEU: 0.88, USA: 1 };
  const usd = (national: number) => allies.reduce((a, iso3) => a + national / (rates[iso3] ?? 1), 0);
  const scenario = (national: number) => ({
    allies,
    leftOut: [],
    coverage: { included: allies.length, expected: allies.length, pct: 100, meetsRule: true },
    shortfallUsd: usd(national),
    netUsd: usd(national),
  });
  const track = (plan: number) => ({ plan: scenario(plan), latestActual: scenario(110) });
  return { expected: allies, core: track(5), combined: track(0) };
};

/**
 * A group's sums on both bases. After 2024 the current basis lacks the rates of all but the
 * United States (as with the shipped table), so the constant basis is presented.
 */
const groupFigures = (year: number, allies: string[]): GroupFigures => {
  const sums = (basis: 'current' | 'constant', included: string[]): GroupAggregate => ({
    basis,
    rateYear: basis === 'constant' ? 2024 : null,
    basisLabel: basis === 'constant' ? 'at 2024 exchange rates' : 'at current exchange rates',
    expected: allies,
    allies: included,
    leftOut: allies.filter((a) => !included.includes(a)).map((iso3) => ({ iso3, reason: 'no_rate', detail: `no exchange rate in ${year}` })),
    notYetMembers: [],
    coverage: {
      included: included.length,
      expected: allies.length,
      pct: (100 * included.length) / allies.length,
      meetsRule: included.length === allies.length,
    },
    gdpUsd: 1000 + year,
    coreUsd: 30 + year / 1000,
    securityUsd: 5,
    securityCountedUsd: 4,
    equipmentUsd: 8,
    corePct: (basis === 'constant' ? 3 : 4) + year / 10000,
    securityPct: 0.5,
    combinedPct: 3.4 + year / 10000,
    equipmentSharePct: 26.6,
  });
  const current = sums('current', year > 2024 ? allies.filter((a) => a === 'USA') : allies);
  return { presented: year > 2024 ? 'constant' : 'current', current, constant: sums('constant', allies) };
};

const makeDataset = (over: Partial<BuildDatasetInput> & { rules?: Rules } = {}): ComplianceDataset =>
  buildDataset({
    result: over.result ?? makeResult(),
    rules: over.rules ?? HAGUE_2025,
    release: over.release ?? { number: 3, publishedAt: '2026-06-01T12:00:00.000Z', trigger: 'upload', reportingYear: 2026 },
    fxSource: over.fxSource ?? 'IMF International Financial Statistics, period-average rates (test table)',
  });

export { makeResult, makeDataset, allyYear, ally };
export type { YearSpec };
