// Alliance figures for one year (DESIGN §6): USD sums over the allies that have the figure and
// an exchange rate, ratios as sum over sum (a large economy weighs more, as it does in NATO's
// own totals; never a mean of ratios), for the whole alliance and for Europe and Canada, and
// counts of allies per status.
import type { AllianceYear, GroupAggregate, Track, TrackStatus } from '../model/index.ts';
import { TrackStatus as Status } from '../model/index.ts';
import type { Exact } from './exact.ts';
import { add, isZero, sum, toNumber } from './exact.ts';
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
  /** The ally's year, or null when it has no record for it. */
  year: {
    /** USD amounts, all null when the rate is unknown; gdp null when missing or zero. */
    usd: UsdFigures;
    rateKnown: boolean;
    statuses: Record<Track, TrackStatus>;
    twoPercent: boolean | null;
    equipment20: boolean | null;
  } | null;
}

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));
const total = (xs: readonly (Exact | null)[]): Exact | null => (xs.length === 0 ? null : sum(xs.filter((x) => x !== null)));
const ratio = (part: Exact | null, whole: Exact | null): number | null =>
  part === null || whole === null || isZero(whole) ? null : num(pctOf(part, whole));

const whyLeftOut = (e: AggregateEntry): string => {
  if (e.year === null) return 'no figures for the year';
  if (!e.year.rateKnown) return 'no USD exchange rate';
  if (e.year.usd.gdp === null) return 'GDP missing or zero';
  return 'core defence expenditure missing';
};

const aggregateGroup = (members: readonly AggregateEntry[]): GroupAggregate => {
  const expected = members.filter((e) => !e.noArmedForces);
  const summed = expected.flatMap((e) =>
    e.year && e.year.usd.gdp !== null && e.year.usd.core !== null ? [{ iso3: e.iso3, usd: e.year.usd }] : [],
  );
  const included = summed.map((s) => s.iso3);
  const usd = summed.map((s) => s.usd);
  const left = expected.filter((e) => !included.includes(e.iso3));
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
    ...(left.length > 0 ? [`left out: ${left.map((e) => `${e.iso3} (${whyLeftOut(e)})`).join(', ')}`] : []),
    ...(uncovered('security').length > 0
      ? [`security-related figures missing for ${uncovered('security').join(', ')}: securityPct and combinedPct cover the other allies`]
      : []),
    ...(uncovered('equipment').length > 0
      ? [`equipment figures missing for ${uncovered('equipment').join(', ')}: equipmentSharePct covers the other allies`]
      : []),
  ];
  return {
    allies: included,
    missing: left.map((e) => e.iso3),
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

const zeroCounts = (): Record<TrackStatus, number> =>
  Object.fromEntries(Object.values(Status).map((s) => [s, 0])) as Record<TrackStatus, number>;

const countStatuses = (entries: readonly AggregateEntry[], track: Track): Record<TrackStatus, number> => {
  const counts = zeroCounts();
  for (const e of entries) if (e.year) counts[e.year.statuses[track]] += 1;
  return counts;
};

/** The alliance's year; entries hold every ally of the reference, sorted by ISO3. */
const aggregateYear = (year: number, entries: readonly AggregateEntry[]): AllianceYear => ({
  year,
  all: aggregateGroup(entries),
  europeCanada: aggregateGroup(entries.filter((e) => e.europeCanada)),
  counts: {
    core: countStatuses(entries, 'core'),
    security: countStatuses(entries, 'security'),
    combined: countStatuses(entries, 'combined'),
    twoPercent: entries.filter((e) => e.year?.twoPercent === true).length,
    equipment20: entries.filter((e) => e.year?.equipment20 === true).length,
    reporting: entries.filter((e) => e.year !== null).length,
  },
});

export { aggregateYear };
export type { AggregateEntry, UsdFigures };
