// One track of one year as published: status, target, path, gaps, the ratio judged, and a
// reason whenever something is null or not assessed.
import type { EffectiveTargets, Track, TrackResult } from '../model/index.ts';
import { TrackStatus } from '../model/index.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { toNumber } from './exact.ts';
import { trackGap } from './gaps.ts';
import { joinReasons } from './ratios.ts';
import { judgeTrack } from './track-status.ts';
import type { Baseline } from './trajectory.ts';
import { pathAt } from './trajectory.ts';
import type { YearWork } from './year-work.ts';

interface TrackContext {
  track: Track;
  targets: EffectiveTargets;
  /** The track's target: where its path ends in the target year. */
  target: Exact;
  baseline: Baseline | null;
  /** False for a track the ally is not held to (core and combined without armed forces). */
  assessed: boolean;
}

interface YearTrack {
  result: TrackResult;
  /** The exact path, for plan credibility. */
  path: Exact | null;
}

const NOT_ASSESSED = 'not assessed: the ally has no armed forces';

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));

/** A target comes from the rules (a percentage, at most 100), so it always has a float. */
const targetNumber = (target: Exact): number => {
  const n = toNumber(target);
  if (n === null) throw new RangeError('a track target out of the range of floats: the rules schema should have refused it');
  return n;
};

/**
 * @param threshold what the year's ratio must reach to be met, and what the gap is measured
 *   against: the target itself for core and combined, the year's need for the security track
 */
const yearTrack = (w: YearWork, { track, targets, target, baseline, assessed }: TrackContext, threshold: Measured = { value: target }): YearTrack => {
  const { ratio, counted } = w.judged[track];
  const year = w.record.year;
  const shown = { target: targetNumber(target), pct: num(ratio.value) };
  if (!assessed) {
    return {
      result: { status: TrackStatus.noData, ...shown, path: null, gapNational: null, gapUsd: null, reason: NOT_ASSESSED },
      path: null,
    };
  }
  const path = pathAt(baseline, target, targets.baselineYear, targets.targetYear, year);
  const judgement =
    threshold.value === null && year >= targets.baselineYear && ratio.value !== null
      ? { status: TrackStatus.noData, reason: threshold.reason ?? 'threshold unknown' }
      : judgeTrack({ year, baselineYear: targets.baselineYear, ratio, target: threshold.value ?? target, path });
  const gap =
    threshold.value === null
      ? { national: null, usd: null, reason: `gap unknown: ${threshold.reason ?? 'threshold unknown'}` }
      : trackGap(threshold.value, w.amounts.gdp, counted, w.rate, w.noRate);
  // A met target needs no path, but the null path still deserves its explanation.
  const noPath =
    path === null && year >= targets.baselineYear && judgement.status === TrackStatus.met
      ? `no baseline: no ratio in ${targets.baselineYear} or any earlier year to draw a path from`
      : undefined;
  const reason = joinReasons(
    { value: null, reason: judgement.reason },
    { value: null, reason: noPath },
    { value: null, reason: gap.reason },
  );
  return {
    result: {
      status: judgement.status,
      ...shown,
      path: num(path),
      gapNational: num(gap.national),
      gapUsd: num(gap.usd),
      ...(reason ? { reason } : {}),
    },
    path,
  };
};

export { yearTrack, NOT_ASSESSED };
export type { TrackContext, YearTrack };
