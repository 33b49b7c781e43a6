import { describe, expect, it } from 'vitest';
import { fromNumber } from '../../../shared/engine/exact.ts';
import { assessPlan } from '../../../shared/engine/plan-credibility.ts';
import type { PlanTrackView, PlanYearView } from '../../../shared/engine/plan-credibility.ts';
import type { TrackStatus } from '../../../shared/model/index.ts';

const TOLERANCE = fromNumber(0.1);

/** A plan year on the core track only: ratio and path in % of GDP, target 3.5. */
const coreYear = (year: number, pct: number | null, path: number, status: TrackStatus = 'on_track'): PlanYearView => ({
  year,
  tracks: [
    {
      track: 'core',
      status,
      pct: pct === null ? null : fromNumber(pct),
      path: fromNumber(path),
      target: fromNumber(3.5),
      ...(pct === null ? { reason: 'GDP not reported' } : {}),
    } satisfies PlanTrackView,
  ],
});

describe('plan credibility', () => {
  it('is credible when every plan year keeps to its path and the target year reaches the target', () => {
    // Prepare: baseline 2.0 in 2025; path(2030) = 2.75, path(2035) = 3.5
    const years = [coreYear(2030, 2.75, 2.75), coreYear(2035, 3.5, 3.5, 'met')];

    // Act
    const plan = assessPlan(years, 2035, TOLERANCE);

    // Assess
    expect(plan).toEqual({ credible: true, planYears: [2030, 2035], reasons: [] });
  });

  it('tolerates a plan year exactly the tolerance below its path', () => {
    // Prepare: 2.75 − 2.65 = 0.10, not more than 0.1
    const years = [coreYear(2030, 2.65, 2.75), coreYear(2035, 3.5, 3.5, 'met')];

    // Act
    const plan = assessPlan(years, 2035, TOLERANCE);

    // Assess
    expect(plan.credible).toBe(true);
  });

  it('is not credible when a plan year falls below its path by more than the tolerance', () => {
    // Prepare: 2.75 − 2.64 = 0.11 > 0.1
    const years = [coreYear(2030, 2.64, 2.75, 'off_track'), coreYear(2035, 3.5, 3.5, 'met')];

    // Act
    const plan = assessPlan(years, 2035, TOLERANCE);

    // Assess
    expect(plan.credible).toBe(false);
    expect(plan.reasons).toEqual([
      '2030: the core track is 0.11 percentage points below its path (2.64% against 2.75%; tolerance 0.10)',
    ]);
  });

  it('is not credible when the plan stops before the target year', () => {
    // Prepare: on the path every year, but the last plan year is 2030
    const years = [coreYear(2029, 2.6, 2.6), coreYear(2030, 2.75, 2.75)];

    // Act
    const plan = assessPlan(years, 2035, TOLERANCE);

    // Assess
    expect(plan.credible).toBe(false);
    expect(plan.reasons).toEqual(['the plan stops in 2030, before the target year 2035']);
  });

  it('is not credible when the target year falls short of the target, even within the tolerance', () => {
    // Prepare: 3.45 in 2035 is 0.05 below the 3.5 target
    const years = [coreYear(2030, 2.75, 2.75), coreYear(2035, 3.45, 3.5, 'off_track')];

    // Act
    const plan = assessPlan(years, 2035, TOLERANCE);

    // Assess
    expect(plan.credible).toBe(false);
    expect(plan.reasons).toEqual([
      '2035: the plan reaches 3.45% of GDP on the core track, short of the 3.50% target in the target year',
    ]);
  });

  it('is not credible when a plan year cannot be judged', () => {
    // Prepare
    const years = [coreYear(2030, null, 2.75, 'no_data'), coreYear(2035, 3.5, 3.5, 'met')];

    // Act
    const plan = assessPlan(years, 2035, TOLERANCE);

    // Assess
    expect(plan.credible).toBe(false);
    expect(plan.reasons).toEqual(['2030: the core track cannot be judged (GDP not reported)']);
  });

  it('is null when there are no plan years', () => {
    // Prepare / Act
    const plan = assessPlan([], 2035, TOLERANCE);

    // Assess
    expect(plan).toEqual({ credible: null, planYears: [], reasons: [] });
  });

  it('lists the plan years in order whatever order they come in', () => {
    // Prepare
    const years = [coreYear(2035, 3.5, 3.5, 'met'), coreYear(2030, 2.75, 2.75)];

    // Act
    const plan = assessPlan(years, 2035, TOLERANCE);

    // Assess
    expect(plan.planYears).toEqual([2030, 2035]);
  });
});
