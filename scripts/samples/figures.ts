// Turns the NATO source figures and an illustrative plan profile into the rows a sample file
// holds: one per year, amounts in millions of national currency, independent of any layout.
import type { Rules } from '../../shared/model/index.ts';
import { FigureStatus } from '../../shared/model/index.ts';
import type { PlanProfile } from './plans.ts';
import { DEFAULT_CORE_STEP_PCT, SECURITY_SPLIT_PCT, describeShape, plannedRatio } from './plans.ts';
import type { SourceAlly, SourceYear } from './source.ts';

interface SampleCore {
  total: number;
  personnel: number;
  equipment: number;
  infrastructure: number;
  /** Operations & maintenance together with other expenditure (NATO's "other"); no O&M split is published. */
  other: number;
}

type SecurityPart = keyof typeof SECURITY_SPLIT_PCT;
type SampleSecurity = { total: number } & Record<SecurityPart, number>;

interface SampleYear {
  year: number;
  /** ISO 4217 code of the amounts of this row. */
  currency: string;
  status: FigureStatus;
  illustrative: boolean;
  gdp: number;
  core: SampleCore;
  security: SampleSecurity | null;
  notes: string;
}

const OFFICIAL_NOTE =
  'NATO, Defence Expenditure of NATO Countries (2014-2024), 17 June 2024: expenditure Table 1, breakdown Table 8; GDP = expenditure x 100 / Table 3 share; Other includes operations & maintenance.';
const ILLUSTRATIVE_PREFIX = 'Illustrative: not an official figure;';

/** The amount in full precision: official rows must reproduce NATO's shares to the last digit. */
const officialYear = (currency: string) => (y: SourceYear): SampleYear => {
  const part = (pct: number) => (y.expenditure * pct) / 100;
  return {
    year: y.year,
    currency,
    status: y.estimate ? FigureStatus.estimate : FigureStatus.actual,
    illustrative: false,
    gdp: (y.expenditure * 100) / y.gdpSharePct,
    core: {
      total: y.expenditure,
      personnel: part(y.personnelPct),
      equipment: part(y.equipmentPct),
      infrastructure: part(y.infrastructurePct),
      other: part(y.otherPct),
    },
    security: null,
    notes: y.estimate ? `${OFFICIAL_NOTE} NATO estimate.` : OFFICIAL_NOTE,
  };
};

/** Plan amounts are rounded to 10 000 units, as a finance office would write them. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Splits a rounded total by shares (%), the last part taking the rounding so the parts add up. */
const splitRounded = <K extends string>(total: number, shares: Record<K, number>): Record<K, number> => {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((s, k) => s + shares[k], 0);
  const out = {} as Record<K, number>;
  let given = 0;
  keys.forEach((k, i) => {
    out[k] = i === keys.length - 1 ? round2(total - given) : round2((total * shares[k]) / sum);
    given += out[k];
  });
  return out;
};

/**
 * Years up to `asOfYear` (the year the samples are dated) are estimates, later ones plans: a
 * "plan" for a year already begun would draw a warning from the checks.
 */
const illustrativeYears = (ally: SourceAlly, profile: PlanProfile, rules: Rules, asOfYear: number): SampleYear[] => {
  const last = ally.years.at(-1);
  if (!last) throw new Error(`No official year for ${ally.iso3}`);
  const { baselineYear: from, targetYear: to } = rules;
  const core2025 = profile.core2025 ?? last.gdpSharePct + DEFAULT_CORE_STEP_PCT;
  const lastGdp = (last.expenditure * 100) / last.gdpSharePct;
  const coreShares = {
    personnel: last.personnelPct,
    equipment: last.equipmentPct,
    infrastructure: last.infrastructurePct,
    other: last.otherPct,
  };
  const why = [
    `plan path: ${describeShape(profile.shape)}`,
    `GDP grown ${profile.gdpGrowthPct}% a year from ${last.year}`,
    `core breakdown in ${last.year} shares`,
    'security-related split illustrative',
  ].join('; ');
  const years: SampleYear[] = [];
  for (let year = from; year <= to; year += 1) {
    const gdp = round2(lastGdp * (1 + profile.gdpGrowthPct / 100) ** (year - last.year));
    const corePct = plannedRatio(profile.shape, core2025, profile.core2035, year, from, to);
    const securityPct = plannedRatio(profile.shape, profile.security2025, profile.security2035, year, from, to);
    const core = splitRounded(round2((gdp * corePct) / 100), coreShares);
    const security = splitRounded(round2((gdp * securityPct) / 100), SECURITY_SPLIT_PCT);
    years.push({
      year,
      currency: ally.currency,
      status: year <= asOfYear ? FigureStatus.estimate : FigureStatus.plan,
      illustrative: true,
      gdp,
      core: { total: round2(Object.values(core).reduce((s, x) => s + x, 0)), ...core },
      security: { total: round2(Object.values(security).reduce((s, x) => s + x, 0)), ...security },
      notes: `${ILLUSTRATIVE_PREFIX} ${why}.`,
    });
  }
  return years;
};

/** Every row of one ally's sample: official years as NATO publishes them, then the illustrative plan. */
const sampleYears = (ally: SourceAlly, profile: PlanProfile, rules: Rules, asOfYear: number): SampleYear[] => [
  ...ally.years.map(officialYear(ally.currency)),
  ...illustrativeYears(ally, profile, rules, asOfYear),
];

/** A legacy-currency amount in euro, rounded like the other plan figures. */
const toEuro = (x: number, rate: number): number => round2(x / rate);

/**
 * Rows from the euro changeover on, restated in euro at the irrevocable rate: an ally does not
 * plan in a currency it no longer has (Bulgaria: BGN until 2025, EUR from 2026).
 */
const restateAfterChangeover = (
  years: SampleYear[],
  changeover: { currency: string; date: string; eurRate: number } | null,
): SampleYear[] => {
  if (!changeover) return years;
  const from = Number(changeover.date.slice(0, 4));
  const convert = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? toEuro(v, changeover.eurRate) : v])) as T;
  return years.map((y) =>
    y.year < from || y.currency !== changeover.currency || !y.illustrative
      ? y
      : {
          ...y,
          currency: 'EUR',
          gdp: toEuro(y.gdp, changeover.eurRate),
          core: convert(y.core),
          security: y.security && convert(y.security),
          notes: `${y.notes} Amounts in EUR from the ${from} changeover (${changeover.eurRate} ${changeover.currency} per EUR).`,
        },
  );
};

export { sampleYears, restateAfterChangeover, officialYear, illustrativeYears, splitRounded, OFFICIAL_NOTE, ILLUSTRATIVE_PREFIX };
export type { SampleYear, SampleCore, SampleSecurity };
