// The reporting year at a glance: each ally's row for that year and the headline counts. Both the
// workbook and the page show these, so they are computed once here.
import type { AllyYearResult, GroupAggregate, TrackResult } from '../model/index.ts';
import type { ComplianceDataset, DatasetAlly } from './dataset.ts';
import { presented } from './groups.ts';
import { NO_ARMED_FORCES } from './presentation.ts';
import type { ShownStatus } from './presentation.ts';

interface Standing {
  ally: DatasetAlly;
  /** The ally's figures for the reporting year, null when it has none. */
  year: AllyYearResult | null;
}

const standings = (dataset: ComplianceDataset): Standing[] =>
  dataset.allies.map((ally) => ({ ally, year: ally.years.find((y) => y.year === dataset.release.reportingYear) ?? null }));

/** The status to show for a track: an ally without armed forces says so instead of "no data". */
const shownStatus = (s: Standing, track: 'core' | 'security' | 'combined'): ShownStatus => {
  const status = s.year?.tracks[track].status ?? 'no_data';
  return s.ally.noArmedForces && status === 'no_data' ? NO_ARMED_FORCES : status;
};

interface Headline {
  year: number;
  allies: number;
  /** Allies with figures for the year. */
  reporting: number;
  /**
   * Allies at or above each threshold in the year (each ally against its own target; on the
   * security-related track, against what the combined target needs from it).
   */
  meeting: { twoPercent: number; core: number; security: number; combined: number; equipment20: number };
  /** The thresholds themselves, from the rules (for labels); security is the cap on what counts. */
  thresholds: { twoPercent: number; core: number; securityCap: number; combined: number; equipment20: number };
  /** The year's sums on the basis the engine presents (see groups.ts for how to name them). */
  all: GroupAggregate | null;
  europeCanada: GroupAggregate | null;
}

// The engine compares in exact arithmetic and its gap is exactly zero once a target is reached;
// comparing the rounded-to-float ratio here could miss a ratio of exactly 3.5.
const reaches = (track: TrackResult) => track.gapNational === 0;

const headline = (dataset: ComplianceDataset): Headline => {
  const rows = standings(dataset).flatMap((s) => (s.year ? [s.year] : []));
  const count = (test: (y: AllyYearResult) => boolean) => rows.filter(test).length;
  const aggregate = dataset.alliance.years.find((y) => y.year === dataset.release.reportingYear);
  const { rules } = dataset;
  return {
    year: dataset.release.reportingYear,
    allies: dataset.allies.length,
    reporting: rows.length,
    meeting: {
      twoPercent: count((y) => y.legacy.twoPercent === true),
      core: count((y) => reaches(y.tracks.core)),
      security: count((y) => reaches(y.tracks.security)),
      combined: count((y) => reaches(y.tracks.combined)),
      equipment20: count((y) => y.legacy.equipment20 === true),
    },
    thresholds: {
      twoPercent: rules.legacy.gdpPct,
      core: rules.tracks.core.target,
      securityCap: rules.tracks.security.cap,
      combined: rules.tracks.combined.target,
      equipment20: rules.legacy.equipmentSharePct,
    },
    all: aggregate ? presented(aggregate, 'all') : null,
    europeCanada: aggregate ? presented(aggregate, 'europeCanada') : null,
  };
};

/** Every year any ally has figures for, ascending. */
const allYears = (dataset: ComplianceDataset): number[] =>
  [...new Set(dataset.allies.flatMap((a) => a.years.map((y) => y.year)))].sort((a, b) => a - b);

export { standings, shownStatus, headline, allYears };
export type { Standing, Headline };
