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
  };
};

const ally = (iso3: string, name: string, currency: string, years: YearSpec[], extra: Partial<DatasetAlly> = {}): AllyResult => ({
  iso3,
  name,
  currency,
  baseline: { core: null, security: null, combined: null },
  securityTarget: { year: HAGUE_2025.targetYear, pct: HAGUE_2025.tracks.security.cap, corePct: null, from: 'core_target' },
  plan: { credible: null, planYears: [], reasons: [] },
  checkpoint: checkpoint(years.map(allyYear)),
  years: years.map(allyYear),
  ...extra,
});

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
