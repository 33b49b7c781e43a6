// The review year of the rules (2029 in hague-2025) as a checkpoint: where each ally stands that
// year against its path on each track.
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../shared/engine/index.ts';
import type { ComplianceResult } from '../../../shared/model/index.ts';
import { HAGUE_2025, RulesSchema } from '../../../shared/model/index.ts';
import { aReference, aSeries, anAlly, rulesWith } from '../../helpers/engine-records.ts';

const checkpointOf = (result: ComplianceResult, iso3: string) => result.allies.find((a) => a.iso3 === iso3)?.checkpoint;

// GDP 1000 every year. AAA: 2025 core 2.0 + security 0.5; 2029 core 2.5 + security 1.0; 2035 3.5 + 1.5.
// BBB: the same without 2029 figures.
const records = [
  ...aSeries('AAA', [
    [2025, 20, 5],
    [2029, 25, 10],
    [2035, 35, 15],
  ]),
  ...aSeries('BBB', [
    [2025, 20, 5],
    [2035, 35, 15],
  ]),
];
const reference = aReference([anAlly('AAA'), anAlly('BBB')]);

describe('the review-year checkpoint', () => {
  it('says where the ally stands in 2029 against its path on each track', () => {
    // Act
    const checkpoint = checkpointOf(computeCompliance(records, HAGUE_2025, reference), 'AAA');

    // Assess, 2029 is 4/10 of the way from 2025 to 2035:
    //   core     path 2.0 + (3.5 − 2.0)·0.4 = 2.6; 2.5 is 0.1 behind → off track
    //   security path 0.5 + (1.5 − 0.5)·0.4 = 0.9; 1.0 is 0.1 ahead → on track (need min(1.5, 5 − 2.5) = 1.5 not yet covered)
    //   combined path 2.5 + (5.0 − 2.5)·0.4 = 3.5; 2.5 + 1.0 = 3.5 is on it → on track
    expect(checkpoint?.year).toBe(2029);
    expect(checkpoint?.figures).toBe('plan');
    expect(checkpoint?.tracks.core).toMatchObject({ status: 'off_track', pct: 2.5, path: 2.6, target: 3.5 });
    expect(checkpoint?.tracks.core.aheadOfPathPct).toBeCloseTo(-0.1, 12);
    expect(checkpoint?.tracks.security).toMatchObject({ status: 'on_track', pct: 1, path: 0.9, target: 1.5, needPct: 1.5 });
    expect(checkpoint?.tracks.security.aheadOfPathPct).toBeCloseTo(0.1, 12);
    expect(checkpoint?.tracks.combined).toMatchObject({ status: 'on_track', pct: 3.5, path: 3.5, target: 5, aheadOfPathPct: 0 });
  });

  it('gives no_data, saying why, for an ally without figures for 2029', () => {
    // Act
    const checkpoint = checkpointOf(computeCompliance(records, HAGUE_2025, reference), 'BBB');

    // Assess
    expect(checkpoint).toMatchObject({ year: 2029, figures: null, illustrative: false });
    expect(checkpoint?.tracks.core).toEqual({
      status: 'no_data',
      pct: null,
      path: null,
      target: 3.5,
      aheadOfPathPct: null,
      reason: 'no figures for 2029',
    });
  });

  it('follows the review year of the rules, and is absent when the rules name none', () => {
    // Prepare
    const in2030 = rulesWith({ reviewYear: 2030 });
    const { reviewYear: _dropped, ...withoutReview } = HAGUE_2025;
    const none = RulesSchema.parse(withoutReview);

    // Act
    const at2030 = checkpointOf(computeCompliance(records, in2030, reference), 'AAA');
    const absent = checkpointOf(computeCompliance(records, none, reference), 'AAA');

    // Assess
    expect(at2030?.year).toBe(2030);
    expect(at2030?.figures).toBeNull();
    expect(absent).toBeNull();
  });

  it('refuses a review year outside the commitment', () => {
    // Act
    const parsed = RulesSchema.safeParse({ ...HAGUE_2025, reviewYear: 2040 });

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['reviewYear']);
  });
});
