import { describe, expect, it } from 'vitest';
import { fromNumber } from '../../../shared/engine/exact.ts';
import { judgeTrack } from '../../../shared/engine/track-status.ts';
import type { TrackInput } from '../../../shared/engine/track-status.ts';

const input = (changes: Partial<TrackInput>): TrackInput => ({
  year: 2030,
  baselineYear: 2025,
  ratio: { value: fromNumber(3) },
  target: fromNumber(3.5),
  path: fromNumber(2.75),
  ...changes,
});

describe('track status', () => {
  it('is pre_commitment before the baseline year, whatever the ratio', () => {
    // Prepare / Act
    const j = judgeTrack(input({ year: 2024, ratio: { value: fromNumber(4) }, path: null }));

    // Assess
    expect(j).toEqual({ status: 'pre_commitment' });
  });

  it('is pre_commitment before the baseline year even without a ratio, and says why the ratio is missing', () => {
    // Prepare / Act
    const j = judgeTrack(input({ year: 2020, ratio: { value: null, reason: 'GDP not reported' }, path: null }));

    // Assess
    expect(j).toEqual({ status: 'pre_commitment', reason: 'GDP not reported' });
  });

  it('is met at exactly the target', () => {
    // Prepare / Act
    const j = judgeTrack(input({ ratio: { value: fromNumber(3.5) } }));

    // Assess
    expect(j.status).toBe('met');
  });

  it('is on_track at exactly the path', () => {
    // Prepare / Act
    const j = judgeTrack(input({ ratio: { value: fromNumber(2.75) } }));

    // Assess
    expect(j.status).toBe('on_track');
  });

  it('is off_track just below the path', () => {
    // Prepare / Act
    const j = judgeTrack(input({ ratio: { value: fromNumber(2.749) } }));

    // Assess
    expect(j.status).toBe('off_track');
  });

  it('is no_data with the reason when the ratio cannot be computed', () => {
    // Prepare / Act
    const j = judgeTrack(input({ ratio: { value: null, reason: 'GDP is zero' } }));

    // Assess
    expect(j).toEqual({ status: 'no_data', reason: 'GDP is zero' });
  });

  it('is no_data without a baseline when the target is not met', () => {
    // Prepare / Act
    const j = judgeTrack(input({ path: null }));

    // Assess
    expect(j.status).toBe('no_data');
    expect(j.reason).toMatch(/no baseline: no ratio in 2025 or any earlier year/);
  });

  it('is met without a baseline when the target is reached', () => {
    // Prepare / Act
    const j = judgeTrack(input({ path: null, ratio: { value: fromNumber(3.6) } }));

    // Assess
    expect(j.status).toBe('met');
  });
});
