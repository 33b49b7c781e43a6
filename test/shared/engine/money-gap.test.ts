// The money gap over 2025–2035: per ally, Σ (path − ratio)·GDP/100 for its plan and for its
// latest actual ratio held flat; summed in USD at constant rates for the alliance and Europe
// and Canada, with coverage.
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../shared/engine/index.ts';
import type { ComplianceResult, SubmissionRecord } from '../../../shared/model/index.ts';
import { ComplianceResultSchema, HAGUE_2025 } from '../../../shared/model/index.ts';
import { aRecord, aReference, anAlly } from '../../helpers/engine-records.ts';

/** Records 2025–2035 with GDP 1000; 2025 is actual, later years plans. */
const series = (ally: string, currency: string, core: (k: number) => number, security: (k: number) => number): SubmissionRecord[] =>
  Array.from({ length: 11 }, (_, k) =>
    aRecord({
      ally,
      year: 2025 + k,
      currency,
      status: k === 0 ? 'actual' : 'plan',
      core: { total: core(k), equipment: undefined },
      security: { total: security(k) },
    }),
  );

// GDP 1000. Baseline 2025: core 2.0%, combined 2.5%, so with k = year − 2025:
//   core path 2.0 + 1.5·k/10, combined path 2.5 + 2.5·k/10.
// ONP (on its path): core 20 + 1.5k and security 5 + k (combined 2.5 + 0.25k);
// ABV (above it): 0.1 points above on both from 2026 (core 21 + 1.5k from k = 1);
// BLW (below it): core 20 and security 5 every year.
const ON = series('ONP', 'EUR', (k) => 20 + 1.5 * k, (k) => 5 + k);
const ABOVE = series('ABV', 'EUR', (k) => (k === 0 ? 20 : 21 + 1.5 * k), (k) => 5 + k);
const BELOW = series('BLW', 'USD', () => 20, () => 5);

const ALLIES = [
  anAlly('ONP'),
  anAlly('ABV'),
  anAlly('BLW', { europeCanada: false, currencies: [{ currency: 'USD', from: 1900 }] }),
  anAlly('NAF', { noArmedForces: true }),
];
// 2024 is the latest year with a rate for every ally with figures: the constant basis.
const REFERENCE = aReference(ALLIES, { 'EUR:2024': 0.8, 'USD:2024': 1 });

const compute = (records: readonly SubmissionRecord[]): ComplianceResult => computeCompliance(records, HAGUE_2025, REFERENCE);
const gapOf = (result: ComplianceResult, iso3: string) => {
  const gap = result.allies.find((a) => a.iso3 === iso3)?.moneyGap;
  if (!gap) throw new Error(`${iso3} has no money gap`);
  return gap;
};

describe('the money gap to 2035', () => {
  const result = compute([...ON, ...ABOVE, ...BELOW]);

  it('is zero for an ally whose plan follows its path', () => {
    // Assess: every year path − ratio = 0, so 0 national, 0 USD.
    const gap = gapOf(result, 'ONP');
    expect(ComplianceResultSchema.safeParse(result).success).toBe(true);
    expect(gap).toMatchObject({ fromYear: 2025, toYear: 2035, currency: 'EUR', usd: { rateYear: 2024, rate: 0.8, basisLabel: 'at 2024 exchange rates' } });
    expect(gap.core.plan).toEqual({ shortfallNational: 0, shortfallUsd: 0, netNational: 0, netUsd: 0 });
    expect(gap.combined.plan).toEqual({ shortfallNational: 0, shortfallUsd: 0, netNational: 0, netUsd: 0 });
    expect(gap.years.map((y) => y.core.planGapNational)).toEqual(Array(11).fill(0));
    expect(gap.years[4]?.core).toMatchObject({ pathPct: 2.6, planPct: 2.6, planFrom: 'figures' }); // 2029: 2.0 + 1.5·4/10
  });

  it('is negative in net and zero as a shortfall for an ally above its path', () => {
    // Assess: 2026–2035, 10 years 0.1 points above the path: (−0.1)·1000/100 = −1 a year,
    // net −10 (USD −10/0.8 = −12.5); no year below the path, so no shortfall.
    const gap = gapOf(result, 'ABV');
    expect(gap.core.plan).toEqual({ shortfallNational: 0, shortfallUsd: 0, netNational: -10, netUsd: -12.5 });
    expect(gap.combined.plan).toEqual({ shortfallNational: 0, shortfallUsd: 0, netNational: -10, netUsd: -12.5 });
    expect(gap.years[0]?.core.planGapNational).toBe(0);
    expect(gap.years[1]?.core.planGapNational).toBe(-1);
  });

  it('sums what an ally below its path lacks each year', () => {
    // Assess: core flat at 2.0 against 2.0 + 0.15k: 0.15k·1000/100 = 1.5k a year,
    // Σ 1.5·(0 + 1 + … + 10) = 1.5·55 = 82.5 (USD at 1 per USD: 82.5);
    // combined flat at 2.5 against 2.5 + 0.25k: 2.5k a year, Σ 2.5·55 = 137.5.
    const gap = gapOf(result, 'BLW');
    expect(gap.core.plan).toEqual({ shortfallNational: 82.5, shortfallUsd: 82.5, netNational: 82.5, netUsd: 82.5 });
    expect(gap.combined.plan).toEqual({ shortfallNational: 137.5, shortfallUsd: 137.5, netNational: 137.5, netUsd: 137.5 });
    expect(gap.years.at(-1)?.core).toMatchObject({ pathPct: 3.5, planPct: 2, planGapNational: 15 });
  });

  it('holds the latest actual ratio flat for what the path takes from today\'s effort alone', () => {
    // Assess: each ally's latest actual is 2025 at core 2.0 and combined 2.5, the BLW case: 82.5
    // and 137.5 national; ONP and ABV in USD at 0.8 per USD: 103.125 and 171.875.
    for (const iso3 of ['ONP', 'ABV', 'BLW']) {
      const gap = gapOf(result, iso3);
      expect(gap.latestActual).toEqual({ year: 2025, corePct: 2, combinedPct: 2.5 });
      expect(gap.core.latestActual.shortfallNational).toBe(82.5);
      expect(gap.combined.latestActual.netNational).toBe(137.5);
    }
    expect(gapOf(result, 'ONP').core.latestActual.shortfallUsd).toBe(103.125);
    expect(gapOf(result, 'ONP').combined.latestActual.shortfallUsd).toBe(171.875);
  });

  it('sums the allies in USD at constant rates for the alliance and Europe and Canada, with coverage', () => {
    // Assess: expected are the members with armed forces (NAF has none).
    //   core plan shortfall: 0 + 0 + 82.5 = 82.5; net 0 − 12.5 + 82.5 = 70.
    //   Europe and Canada (ONP, ABV): shortfall 0, net −12.5.
    //   core latest actual: 103.125 + 103.125 + 82.5 = 288.75.
    const { moneyGap } = result.alliance;
    expect(moneyGap).toMatchObject({ fromYear: 2025, toYear: 2035, basis: 'constant', rateYear: 2024, basisLabel: 'at 2024 exchange rates' });
    expect(moneyGap.all.expected).toEqual(['ABV', 'BLW', 'ONP']);
    const covered = { allies: ['ABV', 'BLW', 'ONP'], leftOut: [], coverage: { included: 3, expected: 3, pct: 100, meetsRule: true } };
    expect(moneyGap.all.core).toEqual({
      plan: { ...covered, shortfallUsd: 82.5, netUsd: 70 },
      latestActual: { ...covered, shortfallUsd: 288.75, netUsd: 288.75 },
    });
    expect(moneyGap.europeCanada.expected).toEqual(['ABV', 'ONP']);
    expect(moneyGap.europeCanada.core.plan).toMatchObject({ allies: ['ABV', 'ONP'], shortfallUsd: 0, netUsd: -12.5 });
    expect(result.allies.find((a) => a.iso3 === 'NAF')?.moneyGap).toBeNull();
  });

  it('grows GDP at the latest submitted growth and holds the last planned ratio where the plan stops', () => {
    // Prepare: GRW gives 2024 and 2025 (actual) and 2026 (plan) only: GDP 1000, 1100, 1210.
    const grw = [
      aRecord({ ally: 'ONP', year: 2024, gdp: 1000, core: { total: 20 }, security: { total: 5 } }),
      aRecord({ ally: 'ONP', year: 2025, gdp: 1100, core: { total: 22 }, security: { total: 5.5 } }),
      aRecord({ ally: 'ONP', year: 2026, status: 'plan', gdp: 1210, core: { total: 26.62 }, security: { total: 6.05 } }),
    ];

    // Act
    const gap = gapOf(compute(grw), 'ONP');

    // Assess: growth 1210/1100 − 1 = 10% a year (from 2025 and 2026); 2028 GDP 1210·1.1² = 1464.1;
    // 2026's core 2.2% held; path 2.0 + 0.15·3 = 2.45; gap (2.45 − 2.2)·1464.1/100 = 3.66025.
    expect(gap.gdpGrowth).toEqual({ pct: 10, years: [2025, 2026] });
    const y2028 = gap.years.find((y) => y.year === 2028);
    expect(y2028).toMatchObject({ gdp: 1464.1, gdpFrom: 'grown' });
    expect(y2028?.core).toMatchObject({ pathPct: 2.45, planPct: 2.2, planFrom: 'held' });
    expect(y2028?.core.planGapNational).toBeCloseTo(3.66025, 10);
    expect(gap.years.find((y) => y.year === 2026)).toMatchObject({ gdp: 1210, gdpFrom: 'submitted', core: { planFrom: 'figures' } });
    // The latest actual (2025, core 2.0) held from 2026 on: 2028 gap (2.45 − 2.0)·1464.1/100 = 6.58845.
    expect(y2028?.core.latestActualGapNational).toBeCloseTo(6.58845, 10);
  });

  it('leaves an ally without security-related figures out of the combined sum, saying why, and keeps it in the core sum', () => {
    // Prepare: BLW reports no security-related expenditure.
    const noSecurity = BELOW.map((r) => ({ ...r, security: { total: null } }));

    // Act
    const { moneyGap } = compute([...ON, ...ABOVE, ...noSecurity]).alliance;

    // Assess
    expect(moneyGap.all.core.plan.coverage).toMatchObject({ included: 3, expected: 3 });
    expect(moneyGap.all.combined.plan.allies).toEqual(['ABV', 'ONP']);
    expect(moneyGap.all.combined.plan.leftOut).toEqual([
      { iso3: 'BLW', reason: 'no_security', detail: 'no combined ratio for 2025 or any earlier year: security-related figures missing' },
    ]);
    expect(moneyGap.all.combined.plan.coverage).toEqual({ included: 2, expected: 3, pct: (100 * 2) / 3, meetsRule: false });
    expect(moneyGap.all.combined.plan.netUsd).toBe(-12.5);
  });

  it('keeps an ally in the plan sum when only its latest actual figures lack security-related spending', () => {
    // Prepare: ONP's 2025 becomes an estimate, and its latest actual is a 2024 figure without
    // security-related spending (as before the commitment, when nobody reported it).
    const records = ON.map((r) => (r.year === 2025 ? { ...r, status: 'estimate' as const } : r));
    const actual2024 = aRecord({ ally: 'ONP', year: 2024, currency: 'EUR', core: { total: 19 }, security: { total: null } });

    // Act
    const { moneyGap } = compute([...records, actual2024, ...ABOVE, ...BELOW]).alliance;

    // Assess: ONP's plan is known on both tracks (2025 estimate 2.0 + 0.5); its latest actual (2024)
    // has no combined ratio, so only the combined latest-actual sum leaves it out.
    expect(moneyGap.all.combined.plan.allies).toEqual(['ABV', 'BLW', 'ONP']);
    expect(moneyGap.all.combined.latestActual.allies).toEqual(['ABV', 'BLW']);
    expect(moneyGap.all.combined.latestActual.leftOut).toEqual([
      { iso3: 'ONP', reason: 'no_security', detail: 'the latest actual figures (2024) have no combined ratio: security-related figures missing' },
    ]);
    expect(moneyGap.all.core.latestActual.allies).toEqual(['ABV', 'BLW', 'ONP']);
  });

  it('leaves out an ally without figures, and one without a rate for the constant year', () => {
    // Prepare: ABV has no figures; a rate table without USD in 2024 cannot convert BLW.
    const reference = aReference(ALLIES, { 'EUR:2024': 0.8, 'USD:2023': 1 }, [2024]);

    // Act
    const result = computeCompliance([...ON, ...BELOW], HAGUE_2025, reference);

    // Assess: no year has a rate for both ONP (EUR) and BLW (USD), so there is no constant basis.
    expect(result.alliance.constantRateYear).toBeNull();
    expect(result.alliance.moneyGap.all.core.plan.leftOut.map((l) => [l.iso3, l.reason])).toEqual([
      ['ABV', 'no_figures'],
      ['BLW', 'no_rate'],
      ['ONP', 'no_rate'],
    ]);
    expect(gapOf(result, 'BLW').core.plan).toMatchObject({ shortfallNational: 82.5, shortfallUsd: null });
    expect(gapOf(result, 'BLW').core.plan.reason).toBe('no year of the rate table has a rate for every ally');
    expect(result.alliance.moneyGap.all.core.plan).toMatchObject({ allies: [], shortfallUsd: null, netUsd: null });
  });
});
