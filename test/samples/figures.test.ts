// The samples' figures before any layout: how official rows are derived from NATO's tables and
// how the illustrative plans are shaped. Expectations are computed by hand from small inputs.
import { describe, expect, it } from 'vitest';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { illustrativeYears, officialYear, restateAfterChangeover, splitRounded } from '../../scripts/samples/figures.ts';
import type { SampleYear } from '../../scripts/samples/figures.ts';
import { PlanShape, plannedRatio } from '../../scripts/samples/plans.ts';
import type { PlanProfile } from '../../scripts/samples/plans.ts';
import type { SourceAlly, SourceYear } from '../../scripts/samples/source.ts';

const aSourceYear = (over: Partial<SourceYear> = {}): SourceYear => ({
  year: 2020,
  estimate: false,
  expenditure: 1000,
  usdExpenditure: 1250,
  gdpSharePct: 2.5,
  personnelPct: 50,
  equipmentPct: 20,
  infrastructurePct: 5,
  otherPct: 25,
  ...over,
});

const anAlly = (years: SourceYear[], currency = 'EUR'): SourceAlly => ({
  iso3: 'XXX',
  name: 'Testland',
  nationalCurrency: 'Euros',
  currency,
  star2pctLaw: false,
  years,
});

describe('officialYear', () => {
  it('derives GDP from the expenditure and NATO share, and amounts from the Table 8 shares', () => {
    // Prepare
    const source = aSourceYear();

    // Act
    const row = officialYear('EUR')(source);

    // Assess: GDP = 1000 x 100 / 2.5; parts = 1000 x share / 100.
    expect(row.gdp).toBe(40000);
    expect(row.core).toEqual({ total: 1000, personnel: 500, equipment: 200, infrastructure: 50, other: 250 });
    expect(row.security).toBeNull();
    expect(row.status).toBe('actual');
    expect(row.illustrative).toBe(false);
  });

  it('marks a year NATO flags "e" as an estimate', () => {
    // Prepare
    const source = aSourceYear({ year: 2024, estimate: true });

    // Act
    const row = officialYear('EUR')(source);

    // Assess
    expect(row.status).toBe('estimate');
    expect(row.notes).toMatch(/NATO estimate/);
  });
});

describe('plannedRatio', () => {
  it('runs a steady path from start to end with a hump of 0.05 points at mid-course', () => {
    // Prepare
    const at = (year: number) => plannedRatio(PlanShape.steady, 2, 3.5, year, 2025, 2035);

    // Act
    const ratios = [at(2025), at(2030), at(2035)];

    // Assess: mid-course 2 + 1.5 x 0.5 + 0.05 x 4 x 0.5 x 0.5 = 2.8.
    expect(ratios[0]).toBe(2);
    expect(ratios[1]).toBeCloseTo(2.8, 12);
    expect(ratios[2]).toBeCloseTo(3.5, 12);
  });

  it('reaches the end ratio two years into an early path and holds it', () => {
    // Prepare
    const at = (year: number) => plannedRatio(PlanShape.early, 2, 4, year, 2025, 2035);

    // Act
    const ratios = [2025, 2026, 2027, 2031].map(at);

    // Assess
    expect(ratios).toEqual([2, 3, 4, 4]);
  });

  it('holds a late path flat until three years before the end, then climbs in equal steps', () => {
    // Prepare
    const at = (year: number) => plannedRatio(PlanShape.late, 1.5, 3.5, year, 2025, 2035);

    // Act
    const ratios = [2025, 2032, 2033, 2035].map(at);

    // Assess: 1.5 + 2 x 1/3 in 2033.
    expect(ratios[0]).toBe(1.5);
    expect(ratios[1]).toBe(1.5);
    expect(ratios[2]).toBeCloseTo(2.1666666666667, 12);
    expect(ratios[3]).toBe(3.5);
  });
});

describe('splitRounded', () => {
  it('gives the rounding to the last part so the parts add up to the total', () => {
    // Act
    const parts = splitRounded(100, { a: 1, b: 1, c: 1 });

    // Assess
    expect(parts).toEqual({ a: 33.33, b: 33.33, c: 33.34 });
  });
});

describe('illustrativeYears', () => {
  const profile: PlanProfile = { shape: PlanShape.steady, core2025: 2.1, core2035: 3.6, security2025: 0.5, security2035: 1.5, gdpGrowthPct: 2 };
  const ally = anAlly([aSourceYear({ year: 2024, estimate: true, expenditure: 1000, gdpSharePct: 2 })]);

  it('plans every year from the baseline to the target year, estimates up to the as-of year and plans after', () => {
    // Act
    const years = illustrativeYears(ally, profile, HAGUE_2025, 2026);

    // Assess
    expect(years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    expect(years.map((y) => y.status)).toEqual(['estimate', 'estimate', ...Array<string>(9).fill('plan')]);
    expect(years.every((y) => y.illustrative && y.notes.startsWith('Illustrative: not an official figure;'))).toBe(true);
  });

  it('grows GDP at the stated rate and spends the planned shares of it', () => {
    // Act
    const [first] = illustrativeYears(ally, profile, HAGUE_2025, 2026);

    // Assess: GDP 2024 = 1000 x 100 / 2 = 50 000; 2025 = 51 000; core 2.1% = 1071; security 0.5% = 255.
    expect(first?.gdp).toBe(51000);
    expect(first?.core.total).toBe(1071);
    expect(first?.security?.total).toBe(255);
    expect(first?.core).toEqual({ total: 1071, personnel: 535.5, equipment: 214.2, infrastructure: 53.55, other: 267.75 });
    expect(first?.security).toEqual({
      total: 255,
      criticalInfrastructure: 63.75,
      cyber: 51,
      civilPreparedness: 38.25,
      innovation: 25.5,
      industrialBase: 38.25,
      militaryMobility: 38.25,
    });
  });
});

describe('restateAfterChangeover', () => {
  const row = (year: number, illustrative: boolean): SampleYear => ({
    year,
    currency: 'BGN',
    status: 'plan',
    illustrative,
    gdp: 195583,
    core: { total: 3911.66, personnel: 1955.83, equipment: 1955.83, infrastructure: 0, other: 0 },
    security: null,
    notes: 'n',
  });

  it('restates illustrative rows from the changeover year in euro and leaves earlier ones alone', () => {
    // Prepare
    const changeover = { currency: 'BGN', date: '2026-01-01', eurRate: 1.95583 };

    // Act
    const [before, after] = restateAfterChangeover([row(2025, true), row(2026, true)], changeover);

    // Assess
    expect(before).toEqual(row(2025, true));
    expect(after?.currency).toBe('EUR');
    expect(after?.gdp).toBe(100000);
    expect(after?.core).toEqual({ total: 2000, personnel: 1000, equipment: 1000, infrastructure: 0, other: 0 });
  });

  it('leaves every row alone for an ally without a changeover', () => {
    // Prepare
    const rows = [row(2030, true)];

    // Act
    const out = restateAfterChangeover(rows, null);

    // Assess
    expect(out).toEqual(rows);
  });
});
