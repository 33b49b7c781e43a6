// The security-related track as The Hague 2025 declaration frames it: 1.5% of GDP is a ceiling on
// what counts towards the 5%, and core above 3.5% counts too. Each year the track is judged on
// need = min(cap, max(0, 5 − corePct)), and its path runs to the need in the target year.
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../shared/engine/index.ts';
import { fromNumber, toNumber } from '../../../shared/engine/exact.ts';
import { securityNeed } from '../../../shared/engine/security-need.ts';
import type { ComplianceResult } from '../../../shared/model/index.ts';
import { effectiveTargets, HAGUE_2025 } from '../../../shared/model/index.ts';
import { aReference, aSeries, anAlly } from '../../helpers/engine-records.ts';

const TARGETS = effectiveTargets(HAGUE_2025, 'AAA');
const needAt = (core: number) => {
  const need = securityNeed({ value: fromNumber(core) }, TARGETS, false).value;
  return need === null ? null : toNumber(need);
};

const yearOf = (result: ComplianceResult, iso3: string, year: number) => {
  const y = result.allies.find((a) => a.iso3 === iso3)?.years.find((r) => r.year === year);
  if (!y) throw new Error(`${iso3} ${year} missing from the result`);
  return y;
};
const allyOf = (result: ComplianceResult, iso3: string) => {
  const a = result.allies.find((r) => r.iso3 === iso3);
  if (!a) throw new Error(`${iso3} missing`);
  return a;
};

describe('what the combined target needs from security-related spending', () => {
  it.each([
    { core: 3.0, need: 1.5 }, // 5 − 3.0 = 2.0, capped at 1.5
    { core: 3.5, need: 1.5 }, // 5 − 3.5 = 1.5
    { core: 4.0, need: 1.0 }, // 5 − 4.0 = 1.0
    { core: 5.0, need: 0 }, //   5 − 5.0 = 0
    { core: 6.0, need: 0 }, //   5 − 6.0 < 0, at least 0
  ])('at core $core% of GDP is $need% of GDP', ({ core, need }) => {
    // Act / Assess
    expect(needAt(core)).toBe(need);
  });

  it('is the cap for an ally without armed forces, which counts no core', () => {
    // Act
    const need = securityNeed({ value: null, reason: 'not assessed' }, TARGETS, true).value;

    // Assess
    expect(need === null ? null : toNumber(need)).toBe(1.5);
  });

  it('is unknown, with the reason, when core is unknown', () => {
    // Act
    const need = securityNeed({ value: null, reason: 'GDP not reported' }, TARGETS, false);

    // Assess
    expect(need.value).toBeNull();
    expect(need.reason).toMatch(/GDP not reported/);
  });
});

describe('the security-related track, judged on its need', () => {
  // Four allies, GDP 1000 every year, the same 2025 baseline (core 2.0, security 0.5), four 2035 plans.
  const plans = [
    ['COA', 30, 10], // core 3.0 + security 1.0: need 1.5
    ['COB', 35, 15], // core 3.5 + security 1.5: need 1.5
    ['COC', 40, 10], // core 4.0 + security 1.0: need 1.0 (the declaration's example)
    ['COD', 50, 0], //  core 5.0 + security 0: need 0
  ] as const;
  const records = plans.flatMap(([iso3, core, security]) =>
    aSeries(iso3, [
      [2025, 20, 5],
      [2030, 20 + (core - 20) / 2, 5 + (security - 5) / 2],
      [2035, core, security],
    ]),
  );
  const result = computeCompliance(records, HAGUE_2025, aReference(plans.map(([iso3]) => anAlly(iso3))));

  it('publishes the need and the contribution each year', () => {
    // Assess: 2035 needs 1.5, 1.5, 1.0, 0; contributions are the counted ratios
    const at2035 = plans.map(([iso3]) => yearOf(result, iso3, 2035).tracks.security);
    expect(at2035.map((t) => [t.needPct, t.contributionPct])).toEqual([
      [1.5, 1],
      [1.5, 1.5],
      [1, 1],
      [0, 0],
    ]);
  });

  it('meets the track when the contribution covers the need, whatever 1.5% would say', () => {
    // Assess: COA 1.0 < 1.5 off track (combined 4.0 short too); the others meet both
    const tracks = plans.map(([iso3]) => {
      const t = yearOf(result, iso3, 2035).tracks;
      return [iso3, t.security.status, t.combined.status];
    });
    expect(tracks).toEqual([
      ['COA', 'off_track', 'off_track'],
      ['COB', 'met', 'met'],
      ['COC', 'met', 'met'],
      ['COD', 'met', 'met'],
    ]);
    // Gap to the need: COA (1.5 − 1.0)% of 1000 = 5; COC needs nothing more
    expect(yearOf(result, 'COA', 2035).tracks.security.gapNational).toBe(5);
    expect(yearOf(result, 'COC', 2035).tracks.security.gapNational).toBe(0);
  });

  it('sets the target to the need in the target year, from the ally’s own core plan', () => {
    // Assess
    expect(plans.map(([iso3]) => allyOf(result, iso3).securityTarget)).toEqual([
      { year: 2035, pct: 1.5, corePct: 3, from: 'ally' },
      { year: 2035, pct: 1.5, corePct: 3.5, from: 'ally' },
      { year: 2035, pct: 1, corePct: 4, from: 'ally' },
      { year: 2035, pct: 0, corePct: 5, from: 'ally' },
    ]);
    expect(yearOf(result, 'COC', 2035).tracks.security.target).toBe(1);
  });

  it('draws the path from the baseline to that target', () => {
    // Assess, 2030 (halfway): COC path 0.5 + (1.0 − 0.5)·5/10 = 0.75; its 2030 contribution 0.75 is on it.
    // COD's target 0 is below its baseline 0.5: the path is flat at 0, and 2030's need
    // min(1.5, 5 − 3.5) = 1.5 is not covered by 0.25, so it is on track (0.25 ≥ 0).
    const coc = yearOf(result, 'COC', 2030).tracks.security;
    expect(coc).toMatchObject({ path: 0.75, needPct: 1.5, contributionPct: 0.75, status: 'on_track' });
    const cod = yearOf(result, 'COD', 2030).tracks.security;
    expect(cod).toMatchObject({ path: 0, needPct: 1.5, contributionPct: 0.25, status: 'on_track' });
  });

  it('judges the plan against the need in the target year', () => {
    // Assess: COA's plan misses the need, and core and combined, in 2035, and sags below its paths
    // halfway (2030 paths: core 2 + 1.5·5/10 = 2.75, security 0.5 + (1.5 − 0.5)·5/10 = 1.0,
    // combined 2.5 + 2.5·5/10 = 3.75); the others are credible
    expect(allyOf(result, 'COA').plan.reasons).toEqual([
      '2030: the core track is 0.25 percentage points below its path (2.50% against 2.75%; tolerance 0.10)',
      '2030: the security-related track is 0.25 percentage points below its path (0.75% against 1.00%; tolerance 0.10)',
      '2030: the combined track is 0.50 percentage points below its path (3.25% against 3.75%; tolerance 0.10)',
      '2035: the plan reaches 3.00% of GDP on the core track, short of the 3.50% target in the target year',
      '2035: the plan reaches 1.00% of GDP on the security-related track, short of the 1.50% target in the target year',
      '2035: the plan reaches 4.00% of GDP on the combined track, short of the 5.00% target in the target year',
    ]);
    expect(plans.slice(1).map(([iso3]) => allyOf(result, iso3).plan.credible)).toEqual([true, true, true]);
  });

  it('does not hold a met year against the plan, even below the path to the target year need', () => {
    // Prepare: 2030 core 5.0 needs nothing from security-related spending (0 counted: met), though the
    // path to 2035's need of 1.5 stands at 0.5 + (1.5 − 0.5)·5/10 = 1.0 that year
    const records = aSeries('AAA', [
      [2025, 20, 5],
      [2030, 50, 0],
      [2035, 35, 15],
    ]);

    // Act
    const r = computeCompliance(records, HAGUE_2025, aReference([anAlly('AAA')]));

    // Assess: 2035 covers its need (1.5) and core and combined keep to their paths: credible
    expect(yearOf(r, 'AAA', 2030).tracks.security).toMatchObject({ status: 'met', needPct: 0, path: 1 });
    expect(allyOf(r, 'AAA').plan).toEqual({ credible: true, planYears: [2030, 2035], reasons: [] });
  });

  it('falls back to the core target for the target year need when the ally has no figures for it', () => {
    // Prepare: figures up to 2030 only
    const shortPlan = aSeries('AAA', [
      [2025, 20, 5],
      [2030, 40, 10],
    ]);

    // Act
    const r = computeCompliance(shortPlan, HAGUE_2025, aReference([anAlly('AAA')]));

    // Assess: target min(1.5, 5 − 3.5) = 1.5; 2030 core 4.0 needs 1.0, covered by 1.0: met
    expect(allyOf(r, 'AAA').securityTarget).toEqual({ year: 2035, pct: 1.5, corePct: null, from: 'core_target' });
    expect(yearOf(r, 'AAA', 2030).tracks.security).toMatchObject({ needPct: 1, status: 'met', target: 1.5 });
  });
});
