// The year a release's headline is about, unless an analyst names one: the most recent year
// for which at least half of the allies with armed forces have actual or estimate figures.
// Plans alone never make a year "reported".
import { FigureStatus } from '../model/index.ts';
import type { SubmissionRecord } from '../model/index.ts';
import type { AllyRef } from '../reference/index.ts';

const REPORTED: ReadonlySet<string> = new Set([FigureStatus.actual, FigureStatus.estimate]);

/**
 * The default reporting year. A record counts when its status is actual or estimate and it
 * gives a core total. When no year reaches half the allies, the latest year with any reported
 * figure is used, then the latest year of any record, then `fallbackYear` (for an empty store).
 */
const defaultReportingYear = (
  records: readonly SubmissionRecord[],
  allies: readonly AllyRef[],
  fallbackYear: number,
): number => {
  const armed = new Set(allies.filter((a) => !a.noArmedForces).map((a) => a.iso3));
  const reportersByYear = new Map<number, Set<string>>();
  for (const r of records) {
    if (!REPORTED.has(r.status) || r.core.total === null || !armed.has(r.ally)) continue;
    const set = reportersByYear.get(r.year) ?? new Set<string>();
    set.add(r.ally);
    reportersByYear.set(r.year, set);
  }
  const years = [...reportersByYear.keys()].sort((a, b) => b - a);
  const quorate = years.find((y) => 2 * (reportersByYear.get(y)?.size ?? 0) >= armed.size);
  if (quorate !== undefined) return quorate;
  if (years[0] !== undefined) return years[0];
  const anyYear = Math.max(...records.map((r) => r.year));
  return Number.isFinite(anyYear) ? anyYear : fallbackYear;
};

export { defaultReportingYear };
