// Every closed vocabulary of the project, spelt once. Union types derive from these objects,
// so a stray string literal elsewhere fails to type-check. The submission's own vocabulary
// (figure statuses, the parts of each breakdown) is spelt in shared/submission, and finding
// severities in shared/findings; both are re-exported here for the code that reads records.
import { CORE_PARTS, FigureStatus, SECURITY_PARTS } from '../submission/index.ts';
import type { CorePart, SecurityPart } from '../submission/index.ts';
import { Severity } from '../findings/index.ts';

const TrackStatus = {
  preCommitment: 'pre_commitment',
  met: 'met',
  onTrack: 'on_track',
  offTrack: 'off_track',
  noData: 'no_data',
} as const;
type TrackStatus = (typeof TrackStatus)[keyof typeof TrackStatus];

const Track = {
  core: 'core',
  security: 'security',
  combined: 'combined',
} as const;
type Track = (typeof Track)[keyof typeof Track];

const ReceiptStatus = {
  accepted: 'accepted',
  acceptedWithWarnings: 'accepted_with_warnings',
  rejected: 'rejected',
} as const;
type ReceiptStatus = (typeof ReceiptStatus)[keyof typeof ReceiptStatus];

const ReleaseTrigger = {
  upload: 'upload',
  schedule: 'schedule',
  manual: 'manual',
  cli: 'cli',
} as const;
type ReleaseTrigger = (typeof ReleaseTrigger)[keyof typeof ReleaseTrigger];

/** How USD sums over allies convert amounts: each year at its own rates, or every year at one year's rates. */
const AggregateBasis = {
  current: 'current',
  constant: 'constant',
} as const;
type AggregateBasis = (typeof AggregateBasis)[keyof typeof AggregateBasis];

/** Why an ally expected in an alliance sum is not in it. */
const LeftOutReason = {
  noFigures: 'no_figures',
  noRate: 'no_rate',
  noGdp: 'no_gdp',
  noCore: 'no_core',
  /** No ratio in the baseline year or before it: no path to measure against (money gap). */
  noBaseline: 'no_baseline',
  /** Security-related figures missing, so the combined ratio is unknown (money gap). */
  noSecurity: 'no_security',
} as const;
type LeftOutReason = (typeof LeftOutReason)[keyof typeof LeftOutReason];

/** Which core ratio the security-related target (its need in the target year) rests on. */
const SecurityTargetFrom = {
  /** The ally's own core ratio in the target year. */
  ally: 'ally',
  /** The core target, for an ally without a core ratio in the target year. */
  coreTarget: 'core_target',
  /** None: an ally without armed forces counts no core. */
  noArmedForces: 'no_armed_forces',
} as const;
type SecurityTargetFrom = (typeof SecurityTargetFrom)[keyof typeof SecurityTargetFrom];

/** Where a money-gap year's GDP comes from: the ally's figures, or grown from its last one at its latest growth. */
const GdpFrom = {
  submitted: 'submitted',
  grown: 'grown',
} as const;
type GdpFrom = (typeof GdpFrom)[keyof typeof GdpFrom];

/** Where a money-gap year's ratio comes from: the ally's figures for it, or its latest earlier ratio held flat. */
const RatioFrom = {
  figures: 'figures',
  held: 'held',
} as const;
type RatioFrom = (typeof RatioFrom)[keyof typeof RatioFrom];

const valuesOf = <T extends Record<string, string>>(o: T) => Object.values(o) as [T[keyof T], ...T[keyof T][]];

export {
  FigureStatus,
  AggregateBasis,
  LeftOutReason,
  SecurityTargetFrom,
  GdpFrom,
  RatioFrom,
  TrackStatus,
  Track,
  ReceiptStatus,
  Severity,
  ReleaseTrigger,
  CORE_PARTS,
  SECURITY_PARTS,
  valuesOf,
};
export type { CorePart, SecurityPart };
