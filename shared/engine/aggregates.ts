// Alliance figures for one year (DESIGN §6): USD sums over the allies that have the figures and
// a rate, ratios as sum over sum (a large economy weighs more, as it does in NATO's own totals;
// never a mean of ratios), for the whole alliance and for Europe and Canada, and counts of
// allies per status.
//
// Every sum is computed on two bases and says what it covers:
// - current: each year at its own exchange rates; an ally whose year has no rate (only a rate
//   carried forward from an earlier year) is left out;
// - constant: every year at the rates of one year (the latest with a rate for every ally), like
//   NATO's constant-price series, so years after the last published rates can be summed.
// The expected allies are the group's members that year (accession year or earlier: NATO's
// totals add Finland from 2023 and Sweden from 2024) with armed forces. A sum covering fewer than
// the rules' share of them is not the group's figure, and reports must say so.
import type { AllianceYear, Coverage, GroupAggregate, GroupFigures, LeftOut, Track, TrackStatus } from '../model/index.ts';
import { AggregateBasis, LeftOutReason, TrackStatus as Status } from '../model/index.ts';
import type { Exact } from './exact.ts';
import { add, frac, fromNumber, gte, isZero, sum, toNumber } from './exact.ts';
import { pctOf } from './ratios.ts';

interface UsdFigures {
  gdp: Exact | null;
  core: Exact | null;
  security: Exact | null;
  securityCounted: Exact | null;
  equipment: Exact | null;
}

interface AggregateEntry {
  iso3: string;
  europeCanada: boolean;
  noArmedForces: boolean;
  /** The year the ally joined: before it, its figures are not summed. */
  accession: number;
  /** The ally's year, or null when it has no record for it. */
  year: {
    /** USD amounts on each basis, all null when that basis has no rate; gdp null when missing or zero. */
    usd: Record<AggregateBasis, UsdFigures>;
    /** Why a basis has no rate, e.g. "no exchange rate for EUR in 2026". */
    noRate: Record<AggregateBasis, string | null>;
    statuses: Record<Track, TrackStatus>;
    twoPercent: boolean | null;
    equipment20: boolean | null;
  } | null;
}

interface AggregateSettings {
  /** The constant basis' rate year; null when no year has a rate for every ally. */
  constantRateYear: number | null;
  /** The rules' aggregates.minCoveragePct. */
  minCoveragePct: number;
}

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));
const total = (xs: readonly (Exact | null)[]): Exact | null => (xs.length === 0 ? null : sum(xs.filter((x) => x !== null)));
const ratio = (part: Exact | null, whole: Exact | null): number | null =>
  part === null || whole === null || isZero(whole) ? null : num(pctOf(part, whole));

const basisLabel = (basis: AggregateBasis, rateYear: number | null): string =>
  basis === AggregateBasis.current
    ? 'at current exchange rates'
    : rateYear === null
      ? 'at constant exchange rates (no year has a rate for every ally)'
      : `at ${rateYear} exchange rates`;

/** Why an expected ally is not summed on this basis, or null when it is. */
const leftOut = (e: AggregateEntry, year: number, basis: AggregateBasis): LeftOut | null => {
  const y = e.year;
  if (y === null) return { iso3: e.iso3, reason: LeftOutReason.noFigures, detail: `no figures for ${year}` };
  const noRate = y.noRate[basis];
  if (noRate !== null) return { iso3: e.iso3, reason: LeftOutReason.noRate, detail: noRate };
  if (y.usd[basis].gdp === null) return { iso3: e.iso3, reason: LeftOutReason.noGdp, detail: 'GDP missing or zero' };
  if (y.usd[basis].core === null) return { iso3: e.iso3, reason: LeftOutReason.noCore, detail: 'core defence expenditure missing' };
  return null;
};

/** included of expected, in %, and whether that reaches the rules' minimum. */
const coverageOf = (included: number, expected: number, minCoveragePct: number): Coverage => {
  const share = expected === 0 ? null : frac(BigInt(100 * included), BigInt(expected));
  return { included, expected, pct: num(share), meetsRule: share !== null && gte(share, fromNumber(minCoveragePct)) };
};

const aggregateGroup = (
  year: number,
  members: readonly AggregateEntry[],
  basis: AggregateBasis,
  settings: AggregateSettings,
): GroupAggregate => {
  const expected = members.filter((e) => !e.noArmedForces && e.accession <= year);
  const notYetMembers = members.filter((e) => !e.noArmedForces && e.accession > year && e.year !== null).map((e) => e.iso3);
  const left = expected.flatMap((e) => leftOut(e, year, basis) ?? []);
  const summed = expected.flatMap((e) => (e.year && leftOut(e, year, basis) === null ? [{ iso3: e.iso3, usd: e.year.usd[basis] }] : []));
  const usd = summed.map((s) => s.usd);
  const withSecurity = usd.filter((u) => u.security !== null);
  const withEquipment = usd.filter((u) => u.equipment !== null);
  const gdpUsd = total(usd.map((u) => u.gdp));
  const coreUsd = total(usd.map((u) => u.core));
  const securityUsd = total(withSecurity.map((u) => u.security));
  const securityCountedUsd = total(withSecurity.map((u) => u.securityCounted));
  const securityGdp = total(withSecurity.map((u) => u.gdp));
  const securityCore = total(withSecurity.map((u) => u.core));
  const equipmentUsd = total(withEquipment.map((u) => u.equipment));
  const equipmentCore = total(withEquipment.map((u) => u.core));
  const uncovered = (field: keyof UsdFigures) => summed.filter((s) => s.usd[field] === null).map((s) => s.iso3);
  const reasons = [
    ...(uncovered('security').length > 0
      ? [`security-related figures missing for ${uncovered('security').join(', ')}: securityPct and combinedPct cover the other allies`]
      : []),
    ...(uncovered('equipment').length > 0
      ? [`equipment figures missing for ${uncovered('equipment').join(', ')}: equipmentSharePct covers the other allies`]
      : []),
  ];
  const rateYear = basis === AggregateBasis.constant ? settings.constantRateYear : null;
  return {
    basis,
    rateYear,
    basisLabel: basisLabel(basis, rateYear),
    expected: expected.map((e) => e.iso3),
    allies: summed.map((s) => s.iso3),
    leftOut: left,
    notYetMembers,
    coverage: coverageOf(summed.length, expected.length, settings.minCoveragePct),
    gdpUsd: num(gdpUsd),
    coreUsd: num(coreUsd),
    securityUsd: num(securityUsd),
    securityCountedUsd: num(securityCountedUsd),
    equipmentUsd: num(equipmentUsd),
    corePct: ratio(coreUsd, gdpUsd),
    securityPct: ratio(securityUsd, securityGdp),
    combinedPct:
      securityCore === null || securityCountedUsd === null ? null : ratio(add(securityCore, securityCountedUsd), securityGdp),
    equipmentSharePct: ratio(equipmentUsd, equipmentCore),
    ...(reasons.length > 0 ? { reasons } : {}),
  };
};

const complete = (g: GroupAggregate) => g.coverage.expected > 0 && g.coverage.included === g.coverage.expected;

/** Current rates where they cover everyone, else constant rates where they do, else whichever covers more. */
const presentedBasis = (current: GroupAggregate, constant: GroupAggregate): AggregateBasis => {
  if (complete(current)) return AggregateBasis.current;
  if (complete(constant)) return AggregateBasis.constant;
  return constant.coverage.included > current.coverage.included ? AggregateBasis.constant : AggregateBasis.current;
};

const groupFigures = (year: number, members: readonly AggregateEntry[], settings: AggregateSettings): GroupFigures => {
  const current = aggregateGroup(year, members, AggregateBasis.current, settings);
  const constant = aggregateGroup(year, members, AggregateBasis.constant, settings);
  return { presented: presentedBasis(current, constant), current, constant };
};

const zeroCounts = (): Record<TrackStatus, number> =>
  Object.fromEntries(Object.values(Status).map((s) => [s, 0])) as Record<TrackStatus, number>;

const countStatuses = (entries: readonly AggregateEntry[], track: Track): Record<TrackStatus, number> => {
  const counts = zeroCounts();
  for (const e of entries) if (e.year) counts[e.year.statuses[track]] += 1;
  return counts;
};

/** The alliance's year; entries hold every ally of the reference, sorted by ISO3. */
const aggregateYear = (year: number, entries: readonly AggregateEntry[], settings: AggregateSettings): AllianceYear => ({
  year,
  all: groupFigures(year, entries, settings),
  europeCanada: groupFigures(year, entries.filter((e) => e.europeCanada), settings),
  counts: {
    core: countStatuses(entries, 'core'),
    security: countStatuses(entries, 'security'),
    combined: countStatuses(entries, 'combined'),
    twoPercent: entries.filter((e) => e.year?.twoPercent === true).length,
    equipment20: entries.filter((e) => e.year?.equipment20 === true).length,
    reporting: entries.filter((e) => e.year !== null).length,
  },
});

export { aggregateYear, presentedBasis, coverageOf, basisLabel };
export type { AggregateEntry, AggregateSettings, UsdFigures };
