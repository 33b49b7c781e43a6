// How statuses look in every report: one label and one colour per status, so the workbook and
// the page agree. Colours are chosen to stay apart for the commonest colour-vision deficiencies
// (blue for met, light blue for on track, orange for off track, greys for the rest).
import { TrackStatus } from '../model/index.ts';

/** A status shown in a report: a track status, or the note that an ally has no armed forces. */
const NO_ARMED_FORCES = 'no_armed_forces';
type ShownStatus = TrackStatus | typeof NO_ARMED_FORCES;

const STATUS_STYLE: Record<ShownStatus, { label: string; fill: string; ink: string }> = {
  [TrackStatus.met]: { label: 'met', fill: '1F77B4', ink: 'FFFFFF' },
  [TrackStatus.onTrack]: { label: 'on track', fill: 'AEC7E8', ink: '000000' },
  [TrackStatus.offTrack]: { label: 'off track', fill: 'FF9F40', ink: '000000' },
  [TrackStatus.preCommitment]: { label: 'before commitment', fill: 'E0E0E0', ink: '000000' },
  [TrackStatus.noData]: { label: 'no data', fill: 'F5F5F5', ink: '555555' },
  [NO_ARMED_FORCES]: { label: 'no armed forces', fill: 'D9D9D9', ink: '333333' },
};

/** Percentages are kept at full precision and shown with two decimals. */
const PCT_DECIMALS = 2;
const formatPct = (pct: number | null | undefined): string => (pct === null || pct === undefined ? '–' : pct.toFixed(PCT_DECIMALS));

export { STATUS_STYLE, NO_ARMED_FORCES, PCT_DECIMALS, formatPct };
export type { ShownStatus };
