import { describe, expect, it } from 'vitest';
import { computeCompliance, DuplicateRecordError, UnknownAllyError } from '../../../shared/engine/index.ts';
import type { ComplianceResult } from '../../../shared/model/index.ts';
import { ComplianceResultSchema, HAGUE_2025 } from '../../../shared/model/index.ts';
import { aRecord, aReference, aSeries, anAlly, rulesWith } from '../../helpers/engine-records.ts';

const ALLIES = [anAlly('AAA'), anAlly('BBB')];

const allyOf = (result: ComplianceResult, iso3: string) => {
  const ally = result.allies.find((a) => a.iso3 === iso3);
  if (!ally) throw new Error(`${iso3} missing from the result`);
  return ally;
};
const yearOf = (result: ComplianceResult, iso3: string, year: number) => {
  const y = allyOf(result, iso3).years.find((r) => r.year === year);
  if (!y) throw new Error(`${iso3} ${year} missing from the result`);
  return y;
};
const statuses = (result: ComplianceResult, iso3: string) =>
  allyOf(result, iso3).years.map((y) => [y.year, y.tracks.core.status, y.tracks.security.status, y.tracks.combined.status]);

describe('computeCompliance', () => {
  it('lists every ally of the reference, sorted by ISO3, including those without records', () => {
    // Prepare
    const reference = aReference([anAlly('CCC'), anAlly('AAA'), anAlly('BBB')]);

    // Act
    const result = computeCompliance([aRecord({ ally: 'BBB' })], HAGUE_2025, reference);

    // Assess
    expect(result.allies.map((a) => a.iso3)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(allyOf(result, 'AAA')).toMatchObject({ years: [], plan: { credible: null }, baseline: { core: null } });
    expect(ComplianceResultSchema.safeParse(result).success).toBe(true);
  });

  it('gives each track each status along a series', () => {
    // Prepare: GDP 1000 every year; baseline 2025: core 2.0, security 0.5, combined 2.5.
    // Paths: core 2 + 1.5·k/10, security 0.5 + 1.0·k/10, combined 2.5 + 2.5·k/10, k = year − 2025.
    const records = [
      ...aSeries('AAA', [
        [2024, 18, 5], //            before the baseline year: pre_commitment
        [2025, 20, 5], //            ratios equal their paths: on_track
        [2030, 35, 8], //            core 3.5 met; security 0.8 < 1.0 off; combined 4.3 ≥ 3.75 on
        [2032, 27, 20], //           core 2.7 < 3.05 off; security 2.0 counts 1.5 met; combined 4.2 < 4.25 off
        [2033, 30, 13], //           core 3.0 < 3.2 off; security 1.3 = 1.3 on; combined 4.3 < 4.5 off
        [2034, 35, 15], //           all met (combined 5.0 exactly)
      ]),
      aRecord({ ally: 'AAA', year: 2031, status: 'plan', gdp: null }), // no GDP: no_data
    ];

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    expect(statuses(result, 'AAA')).toEqual([
      [2024, 'pre_commitment', 'pre_commitment', 'pre_commitment'],
      [2025, 'on_track', 'on_track', 'on_track'],
      [2030, 'met', 'off_track', 'on_track'],
      [2031, 'no_data', 'no_data', 'no_data'],
      [2032, 'off_track', 'met', 'off_track'],
      [2033, 'off_track', 'on_track', 'off_track'],
      [2034, 'met', 'met', 'met'],
    ]);
    const y2031 = yearOf(result, 'AAA', 2031);
    expect(y2031.tracks.core.reason).toMatch(/GDP not reported/);
    expect(y2031.corePct).toBeNull();
    expect(yearOf(result, 'AAA', 2030).tracks.combined.path).toBe(3.75);
    expect(yearOf(result, 'AAA', 2024).corePct).toBe(1.8); // ratios still shown before the baseline year
    expect(ComplianceResultSchema.safeParse(result).success).toBe(true);
  });

  it('computes the gaps to each target in national currency and USD', () => {
    // Prepare: 2032, GDP 1000, core 27, security 20 (counted 15), 0.8 EUR per USD
    const records = aSeries('AAA', [
      [2025, 20, 5],
      [2032, 27, 20],
    ]);

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES, { 'EUR:2032': 0.8 }));

    // Assess
    const { core, security, combined } = yearOf(result, 'AAA', 2032).tracks;
    expect([core.gapNational, core.gapUsd]).toEqual([8, 10]); // 35 − 27 = 8; 8 / 0.8 = 10
    expect([security.gapNational, security.gapUsd]).toEqual([0, 0]); // 15 − min(20, 15) = 0
    expect([combined.gapNational, combined.gapUsd]).toEqual([8, 10]); // 50 − (27 + 15) = 8
  });

  it('leaves the USD gap null, with a reason, when the exchange rate is unknown', () => {
    // Prepare: no rate for 2025
    const records = aSeries('AAA', [[2025, 20, 5]]);

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    const y = yearOf(result, 'AAA', 2025);
    expect(y.tracks.core.gapNational).toBe(15); // 35 − 20
    expect(y.tracks.core.gapUsd).toBeNull();
    expect(y.tracks.core.reason).toBe('no USD exchange rate for EUR in 2025 or any earlier year');
    expect(y.usd).toEqual({ rate: null, rateYear: null, carriedForward: false, gdp: null, core: null, security: null, equipment: null });
  });

  it('falls back to the latest earlier year for the baseline when the baseline year has no ratio', () => {
    // Prepare: 2025 has no GDP; 2023 core 1.5; 2024 missing. Path(2030) = 1.5 + 2·5/10 = 2.5
    const records = [
      ...aSeries('AAA', [
        [2022, 14, 3],
        [2023, 15, 4],
        [2030, 25, 10],
      ]),
      aRecord({ ally: 'AAA', year: 2025, gdp: null }),
    ];

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    expect(allyOf(result, 'AAA').baseline.core).toEqual({ year: 2023, pct: 1.5 });
    expect(yearOf(result, 'AAA', 2030).tracks.core).toMatchObject({ status: 'on_track', path: 2.5 });
  });

  it('has no_data without any baseline unless the target is met', () => {
    // Prepare: the first record is 2026 (core 3.0 below 3.5; security 1.5 met)
    const records = aSeries('AAA', [[2026, 30, 15]]);

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    const ally = allyOf(result, 'AAA');
    expect(ally.baseline).toEqual({ core: null, security: null, combined: null });
    const tracks = yearOf(result, 'AAA', 2026).tracks;
    expect(tracks.core.status).toBe('no_data');
    expect(tracks.core.reason).toMatch(/no baseline/);
    expect(tracks.security.status).toBe('met');
    expect(tracks.security.path).toBeNull();
  });

  it('holds an ally already above the target to a flat path at the target', () => {
    // Prepare: baseline core 4.0 ≥ 3.5; 2030 at 3.6 (met) and 2031 at 3.4 (below the flat 3.5)
    const records = aSeries('AAA', [
      [2025, 40, 15],
      [2030, 36, 15],
      [2031, 34, 15],
    ]);

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    expect(yearOf(result, 'AAA', 2030).tracks.core).toMatchObject({ status: 'met', path: 3.5 });
    expect(yearOf(result, 'AAA', 2031).tracks.core).toMatchObject({ status: 'off_track', path: 3.5 });
  });

  it('meets the targets and the Wales guidelines at exactly their thresholds', () => {
    // Prepare: core 35 of 1000 = 3.5%; BBB core 20 of 1000 = 2.0% with equipment 4 = 20%
    const records = [
      aRecord({ ally: 'AAA', gdp: 1000, core: { total: 35, equipment: 7 } }),
      aRecord({ ally: 'BBB', gdp: 1000, core: { total: 20, equipment: 4 } }),
    ];

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    expect(yearOf(result, 'AAA', 2025).tracks.core.status).toBe('met');
    expect(yearOf(result, 'BBB', 2025).legacy).toEqual({ twoPercent: true, equipment20: true });
  });

  it('misses the Wales guidelines just below their thresholds', () => {
    // Prepare: 19.99 of 1000 = 1.999%; equipment 3.998 of 19.99 = 20% exactly; BBB equipment 3.99 of 20 = 19.95%
    const records = [
      aRecord({ ally: 'AAA', core: { total: 19.99, equipment: 3.998 } }),
      aRecord({ ally: 'BBB', core: { total: 20, equipment: 3.99 } }),
    ];

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    expect(yearOf(result, 'AAA', 2025).legacy).toEqual({ twoPercent: false, equipment20: true });
    expect(yearOf(result, 'BBB', 2025).legacy).toEqual({ twoPercent: true, equipment20: false });
  });

  it('caps security-related spending: 2.0% submitted counts as 1.5', () => {
    // Prepare: security 20 of 1000
    const records = [aRecord({ core: { total: 30 }, security: { total: 20 } })];

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    const y = yearOf(result, 'AAA', 2025);
    expect([y.securityPct, y.securityCountedPct, y.combinedPct]).toEqual([2, 1.5, 4.5]);
  });

  it('counts only the categories the rules make eligible', () => {
    // Prepare: cyber 5 + militaryMobility 3 = 8 of 1000 = 0.8%; critical infrastructure 7 not eligible
    const rules = rulesWith({ eligibleSecurityCategories: ['cyber', 'militaryMobility'] });
    const records = [aRecord({ security: { total: 15, cyber: 5, militaryMobility: 3, criticalInfrastructure: 7 } })];

    // Act
    const result = computeCompliance(records, rules, aReference(ALLIES));

    // Assess
    const y = yearOf(result, 'AAA', 2025);
    expect(y.securityEligible).toBe(8);
    expect(y.securityPct).toBe(0.8);
    expect(y.combinedPct).toBe(4.3); // 3.5 + 0.8
    expect(y.tracks.security.gapNational).toBe(7); // 15 − 8
  });

  it('applies a per-ally override of the core target', () => {
    // Prepare: AAA's core target is 3.0; both allies spend 3.0%
    const rules = rulesWith({ overrides: { AAA: { core: { target: 3 }, reason: 'test override' } } });
    const records = [aRecord({ ally: 'AAA', core: { total: 30 } }), aRecord({ ally: 'BBB', core: { total: 30 } })];

    // Act
    const result = computeCompliance(records, rules, aReference(ALLIES));

    // Assess
    expect(yearOf(result, 'AAA', 2025).tracks.core).toMatchObject({ status: 'met', target: 3, gapNational: 0 });
    expect(yearOf(result, 'BBB', 2025).tracks.core).toMatchObject({ status: 'on_track', target: 3.5, gapNational: 5 });
  });

  it('takes every threshold and year from the rules, not from the defaults', () => {
    // Prepare: baseline 2024, target 2030, core 3.0, Wales guideline 2.5% and 25%.
    // Core baseline 2.0 in 2024 → path(2027) = 2 + (3 − 2)·3/6 = 2.5
    const rules = rulesWith({
      baselineYear: 2024,
      targetYear: 2030,
      tracks: { core: { target: 3 }, security: { cap: 1.5 }, combined: { target: 4.5 } },
      legacy: { gdpPct: 2.5, equipmentSharePct: 25 },
    });
    const records = aSeries('AAA', [
      [2024, 20, 5],
      [2027, 25, 10],
    ]);

    // Act
    const result = computeCompliance(records, rules, aReference(ALLIES));

    // Assess
    const y2027 = yearOf(result, 'AAA', 2027);
    expect(y2027.tracks.core).toMatchObject({ status: 'on_track', target: 3, path: 2.5, gapNational: 5 }); // 30 − 25
    expect(y2027.legacy).toEqual({ twoPercent: true, equipment20: false }); // 2.5 ≥ 2.5; 20 < 25
    expect(yearOf(result, 'AAA', 2024).tracks.core.status).toBe('on_track');
    expect(allyOf(result, 'AAA').plan.reasons).toEqual(['the plan stops in 2027, before the target year 2030']);
  });

  it('applies a per-ally override of the security cap and the years', () => {
    // Prepare: AAA counts at most 1.0% of security-related spending, baseline 2026, target 2030.
    // 2026: core 2.0, security 1.2 counts 1.0 (the baseline); 2028: path core 2 + 1.5·2/4 = 2.75
    const rules = rulesWith({
      overrides: { AAA: { security: { cap: 1 }, baselineYear: 2026, targetYear: 2030, reason: 'test override' } },
    });
    const records = aSeries('AAA', [
      [2025, 18, 12],
      [2026, 20, 12],
      [2028, 27.5, 12],
    ]);

    // Act
    const result = computeCompliance(records, rules, aReference(ALLIES));

    // Assess
    expect(yearOf(result, 'AAA', 2025).tracks.core.status).toBe('pre_commitment');
    const y2028 = yearOf(result, 'AAA', 2028);
    expect([y2028.securityPct, y2028.securityCountedPct, y2028.combinedPct]).toEqual([1.2, 1, 3.75]);
    expect(y2028.tracks.core).toMatchObject({ status: 'on_track', path: 2.75 });
    expect(y2028.tracks.security).toMatchObject({ status: 'met', target: 1, gapNational: 0 });
    expect(allyOf(result, 'AAA').baseline.core).toEqual({ year: 2026, pct: 2 });
  });

  it('gives no_data with a reason, and no NaN, for zero GDP', () => {
    // Prepare
    const records = [aRecord({ gdp: 0 })];

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES, { 'EUR:2025': 0.9 }));

    // Assess
    const y = yearOf(result, 'AAA', 2025);
    expect([y.corePct, y.securityPct, y.combinedPct]).toEqual([null, null, null]);
    expect(y.tracks.core).toMatchObject({ status: 'no_data', gapNational: null, gapUsd: null });
    expect(y.tracks.core.reason).toMatch(/GDP is zero/);
    expect(y.reasons).toContain('GDP is zero');
    expect(y.legacy.twoPercent).toBeNull();
    expect(ComplianceResultSchema.safeParse(result).success).toBe(true);
  });

  it('leaves the equipment share and the 20% guideline null when equipment is not broken out', () => {
    // Prepare
    const records = [aRecord({ core: { total: 35, equipment: undefined } })];

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    const y = yearOf(result, 'AAA', 2025);
    expect(y.equipmentSharePct).toBeNull();
    expect(y.legacy).toEqual({ twoPercent: true, equipment20: null });
    expect(y.reasons).toContain('major equipment expenditure not reported');
  });

  it('judges a plan that keeps to its path as credible', () => {
    // Prepare: every plan year on the core path 2 + 0.15·k, security 0.5 + 0.1·k, reaching 3.5 and 1.5 in 2035
    const rows = Array.from({ length: 11 }, (_, k) => [2025 + k, 20 + 1.5 * k, 5 + k] as const);
    const records = aSeries('AAA', rows);

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    expect(allyOf(result, 'AAA').plan).toEqual({ credible: true, planYears: rows.slice(1).map(([y]) => y), reasons: [] });
  });

  it('judges a plan that stops before the target year, or sags below its path, as not credible', () => {
    // Prepare: plan to 2030 only; 2028 core 2.3 against path 2.45 (0.15 below)
    const records = aSeries('AAA', [
      [2025, 20, 5],
      [2028, 23, 8],
      [2030, 27.5, 10],
    ]);

    // Act
    const result = computeCompliance(records, HAGUE_2025, aReference(ALLIES));

    // Assess
    const plan = allyOf(result, 'AAA').plan;
    expect(plan.credible).toBe(false);
    expect(plan.reasons).toEqual([
      'the plan stops in 2030, before the target year 2035',
      '2028: the core track is 0.15 percentage points below its path (2.30% against 2.45%; tolerance 0.10)',
      '2028: the combined track is 0.15 percentage points below its path (3.10% against 3.25%; tolerance 0.10)',
    ]);
  });

  it('marks an ally without armed forces and assesses only its security-related track', () => {
    // Prepare
    const reference = aReference([anAlly('AAA'), anAlly('ISL', { noArmedForces: true })], { 'EUR:2025': 1 });
    const records = [aRecord({ ally: 'AAA' }), aRecord({ ally: 'ISL', core: { total: 0 }, security: { total: 15 } })];

    // Act
    const result = computeCompliance(records, HAGUE_2025, reference);

    // Assess
    const isl = allyOf(result, 'ISL');
    expect(isl.noArmedForces).toBe(true);
    expect(isl.note).toMatch(/no armed forces/);
    expect(allyOf(result, 'AAA').noArmedForces).toBe(false);
    const y = yearOf(result, 'ISL', 2025);
    expect(y.tracks.core).toMatchObject({ status: 'no_data', reason: 'not assessed: the ally has no armed forces' });
    expect(y.tracks.combined.status).toBe('no_data');
    expect(y.tracks.security.status).toBe('met');
    expect(y.legacy).toEqual({ twoPercent: null, equipment20: null });
    const alliance = result.alliance.years[0];
    expect(alliance?.all.current.allies).toEqual(['AAA']);
    expect(alliance?.all.current.expected).toEqual(['AAA']);
    expect(alliance?.all.current.leftOut).toEqual([]);
  });

  it('aggregates every reported year, with Europe and Canada leaving out the United States', () => {
    // Prepare: rates 1 so USD = EUR; USA core 35 of 1000, CAN 10 of 100, DEU 40 of 2000
    const reference = aReference(
      [anAlly('CAN', { group: 'north-america' }), anAlly('DEU'), anAlly('USA', { group: 'north-america', europeCanada: false })],
      { 'EUR:2025': 1, 'EUR:2026': 1 },
    );
    const records = [
      aRecord({ ally: 'USA', gdp: 1000, core: { total: 35 } }),
      aRecord({ ally: 'CAN', gdp: 100, core: { total: 10 } }),
      aRecord({ ally: 'DEU', gdp: 2000, core: { total: 40 } }),
      aRecord({ ally: 'DEU', year: 2026, status: 'estimate', gdp: 2000, core: { total: 50 } }),
    ];

    // Act
    const result = computeCompliance(records, HAGUE_2025, reference);

    // Assess
    expect(result.alliance.years.map((y) => y.year)).toEqual([2025, 2026]);
    const [y2025, y2026] = result.alliance.years;
    expect(y2025?.all.current.corePct).toBeCloseTo((100 * 85) / 3100, 12); // 2.741…, not the mean (3.5 + 10 + 2)/3
    expect(y2025?.europeCanada.current.allies).toEqual(['CAN', 'DEU']);
    expect(y2025?.europeCanada.current.corePct).toBeCloseTo((100 * 50) / 2100, 12); // 2.380…
    expect(y2025?.counts.reporting).toBe(3);
    expect(y2026?.all.current.leftOut.map((l) => [l.iso3, l.reason])).toEqual([
      ['CAN', 'no_figures'],
      ['USA', 'no_figures'],
    ]);
    expect(y2026?.all.current.corePct).toBe(2.5); // 100·50/2000
    expect(y2026?.all.current.coverage).toEqual({ included: 1, expected: 3, pct: 100 / 3, meetsRule: false });
  });

  it('gives the same result whatever the order of the records', () => {
    // Prepare
    const records = aSeries('AAA', [
      [2025, 20, 5],
      [2030, 28, 10],
      [2035, 35, 15],
    ]).concat(aSeries('BBB', [[2025, 30, 10]]));

    // Act
    const forward = computeCompliance(records, HAGUE_2025, aReference(ALLIES));
    const backward = computeCompliance([...records].reverse(), HAGUE_2025, aReference([...ALLIES].reverse()));

    // Assess
    expect(backward).toEqual(forward);
  });

  it('refuses two records for one ally and year', () => {
    // Prepare
    const records = [aRecord({ ally: 'AAA' }), aRecord({ ally: 'AAA', provenance: { submissionId: 'again', file: 'a.xlsx', uploadedAt: '2026-02-01T00:00:00.000Z' } })];

    // Act / Assess
    expect(() => computeCompliance(records, HAGUE_2025, aReference(ALLIES))).toThrow(DuplicateRecordError);
  });

  it('refuses a record for an ally the reference does not list', () => {
    // Prepare / Act / Assess
    expect(() => computeCompliance([aRecord({ ally: 'ZZZ' })], HAGUE_2025, aReference(ALLIES))).toThrow(UnknownAllyError);
  });
});
