// Is an ally's plan a credible, incremental path (DESIGN §6)? It must run to the target year,
// reach every assessed track's target in that year, and no plan year may fall below its path
// by more than the rules' tolerance. Every failure is a reason naming the year and the track.
import type { Track, TrackStatus } from '../model/index.ts';
import { TrackStatus as Status } from '../model/index.ts';
import type { Exact } from './exact.ts';
import { lt, sub, toNumber } from './exact.ts';

interface PlanTrackView {
  track: Track;
  status: TrackStatus;
  pct: Exact | null;
  path: Exact | null;
  target: Exact;
  /** Why the status is no_data. */
  reason?: string;
}

interface PlanYearView {
  year: number;
  /** Only the tracks assessed for this ally. */
  tracks: readonly PlanTrackView[];
}

interface PlanCredibility {
  credible: boolean | null;
  planYears: number[];
  reasons: string[];
}

const TRACK_LABEL: Record<Track, string> = { core: 'core', security: 'security-related', combined: 'combined' };

const pct = (x: Exact): string => toNumber(x)?.toFixed(2) ?? 'an out-of-range value';

const yearReasons = ({ year, tracks }: PlanYearView, targetYear: number, tolerance: Exact): string[] =>
  tracks.flatMap((t): string[] => {
    const label = TRACK_LABEL[t.track];
    // A met year is on course whatever its path: on the security-related track, a year whose
    // core leaves little for it to cover can be met below the path to the target year's need.
    if (t.status === Status.preCommitment || t.status === Status.met) return [];
    if (t.pct === null || t.status === Status.noData) {
      return [`${year}: the ${label} track cannot be judged (${t.reason ?? 'no ratio'})`];
    }
    if (year === targetYear) {
      return lt(t.pct, t.target)
        ? [`${year}: the plan reaches ${pct(t.pct)}% of GDP on the ${label} track, short of the ${pct(t.target)}% target in the target year`]
        : [];
    }
    if (t.path !== null && lt(tolerance, sub(t.path, t.pct))) {
      return [
        `${year}: the ${label} track is ${pct(sub(t.path, t.pct))} percentage points below its path (${pct(t.pct)}% against ${pct(t.path)}%; tolerance ${pct(tolerance)})`,
      ];
    }
    return [];
  });

/** Judges the plan years given (the caller picks the years with status `plan`). */
const assessPlan = (planYears: readonly PlanYearView[], targetYear: number, tolerance: Exact): PlanCredibility => {
  const sorted = [...planYears].sort((a, b) => a.year - b.year);
  const last = sorted.at(-1);
  if (last === undefined) return { credible: null, planYears: [], reasons: [] };
  const reasons = [
    ...(last.year < targetYear ? [`the plan stops in ${last.year}, before the target year ${targetYear}`] : []),
    ...sorted.flatMap((y) => yearReasons(y, targetYear, tolerance)),
  ];
  return { credible: reasons.length === 0, planYears: sorted.map((y) => y.year), reasons };
};

export { assessPlan, TRACK_LABEL };
export type { PlanTrackView, PlanYearView, PlanCredibility };
