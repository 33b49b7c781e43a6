// A track's status in one year (DESIGN §6): pre_commitment before the baseline year, met at or
// above the target, on_track at or above the path, off_track below it, and no_data when the
// ratio is unknown or there is no baseline to draw a path from while the target is not met.
import type { TrackStatus } from '../model/index.ts';
import { TrackStatus as Status } from '../model/index.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { gte } from './exact.ts';

interface TrackInput {
  year: number;
  baselineYear: number;
  /** The ratio judged on this track. */
  ratio: Measured;
  target: Exact;
  /** path(year); null before the baseline year or when there is no baseline. */
  path: Exact | null;
}

interface TrackJudgement {
  status: TrackStatus;
  reason?: string;
}

const judgeTrack = ({ year, baselineYear, ratio, target, path }: TrackInput): TrackJudgement => {
  if (year < baselineYear) {
    return ratio.value === null && ratio.reason
      ? { status: Status.preCommitment, reason: ratio.reason }
      : { status: Status.preCommitment };
  }
  if (ratio.value === null) return { status: Status.noData, reason: ratio.reason ?? 'ratio cannot be computed' };
  if (gte(ratio.value, target)) return { status: Status.met };
  if (path === null) {
    return { status: Status.noData, reason: `no baseline: no ratio in ${baselineYear} or any earlier year to draw a path from` };
  }
  return { status: gte(ratio.value, path) ? Status.onTrack : Status.offTrack };
};

export { judgeTrack };
export type { TrackInput, TrackJudgement };
