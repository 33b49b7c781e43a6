// The money gap summed over allies (the alliance, Europe and Canada): USD at constant exchange
// rates, so every ally's years are converted alike. Like the yearly aggregates, each sum names
// the allies it covers and those expected but left out, with why, per track and scenario: an
// ally whose combined gap is unknown (no security-related figures) still counts in the core sum.
import type { AllianceMoneyGap, GroupGapSum, GroupMoneyGap, GroupTrackGap, LeftOut } from '../model/index.ts';
import { AggregateBasis, LeftOutReason } from '../model/index.ts';
import { basisLabel, coverageOf } from './aggregates.ts';
import type { Exact } from './exact.ts';
import { toNumber } from './exact.ts';
import type { GapTrack, MoneyGapAssessment, Scenario } from './money-gap.ts';
import { addAll } from './money-gap.ts';

interface GapEntry {
  iso3: string;
  europeCanada: boolean;
  noArmedForces: boolean;
  accession: number;
  gap: MoneyGapAssessment | null;
}

interface GapSettings {
  fromYear: number;
  toYear: number;
  constantRateYear: number | null;
  minCoveragePct: number;
}

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));

const scenarioSum = (expected: readonly GapEntry[], track: GapTrack, scenario: Scenario, minCoveragePct: number): GroupGapSum => {
  const leftOut: LeftOut[] = [];
  const included: (GapEntry & { gap: MoneyGapAssessment })[] = [];
  for (const e of expected) {
    const why = e.gap === null ? { reason: LeftOutReason.noFigures, detail: 'no figures' } : e.gap.leftOut[track][scenario];
    if (why === null && e.gap !== null) included.push({ ...e, gap: e.gap });
    else if (why !== null) leftOut.push({ iso3: e.iso3, ...why });
  }
  // A sum over no ally is unknown, not zero.
  const total = (part: 'shortfall' | 'net') =>
    included.length === 0 ? null : num(addAll(included.map((e) => e.gap.usd[track][scenario][part])));
  return {
    allies: included.map((e) => e.iso3),
    leftOut,
    coverage: coverageOf(included.length, expected.length, minCoveragePct),
    shortfallUsd: total('shortfall'),
    netUsd: total('net'),
  };
};

const trackSum = (expected: readonly GapEntry[], track: GapTrack, minCoveragePct: number): GroupTrackGap => ({
  plan: scenarioSum(expected, track, 'plan', minCoveragePct),
  latestActual: scenarioSum(expected, track, 'latestActual', minCoveragePct),
});

const groupGap = (members: readonly GapEntry[], settings: GapSettings): GroupMoneyGap => {
  // Members by the target year with armed forces: the allies the commitment binds.
  const expected = members.filter((e) => !e.noArmedForces && e.accession <= settings.toYear);
  return {
    expected: expected.map((e) => e.iso3),
    core: trackSum(expected, 'core', settings.minCoveragePct),
    combined: trackSum(expected, 'combined', settings.minCoveragePct),
  };
};

/** The alliance's and Europe and Canada's money gap; entries hold every ally, sorted by ISO3. */
const allianceMoneyGap = (entries: readonly GapEntry[], settings: GapSettings): AllianceMoneyGap => ({
  fromYear: settings.fromYear,
  toYear: settings.toYear,
  basis: AggregateBasis.constant,
  rateYear: settings.constantRateYear,
  basisLabel: basisLabel(AggregateBasis.constant, settings.constantRateYear),
  all: groupGap(entries, settings),
  europeCanada: groupGap(entries.filter((e) => e.europeCanada), settings),
});

export { allianceMoneyGap };
export type { GapEntry, GapSettings };
