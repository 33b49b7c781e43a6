// A figure's status must fit its year relative to the upload: actuals cannot lie in the future,
// plans for past years are suspicious, and a missing status gets a documented default.
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import { FigureStatus } from '../../submission/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { Check } from './context.ts';
import { uploadYear } from './context.ts';

/**
 * The status assumed when a table gives none: years before the upload year are actuals, the
 * upload year is an estimate, later years are plans.
 */
const defaultStatus = (year: number, currentYear: number): FigureStatus =>
  year < currentYear ? FigureStatus.actual : year === currentYear ? FigureStatus.estimate : FigureStatus.plan;

const statusFinding = (d: DraftRecord, currentYear: number): Finding | null => {
  const base = {
    sheet: d.sheet,
    cell: d.cells.status ?? d.cells.year ?? null,
    ally: d.ally,
    year: d.year,
    field: 'status',
    params: { currentYear },
  };
  if (d.status === null) {
    const assumed = defaultStatus(d.year, currentYear);
    return findingOf('status-missing', {
      ...base,
      expected: 'actual, estimate or plan',
      params: { ...base.params, assumed },
    });
  }
  if (d.status === FigureStatus.actual && d.year > currentYear) {
    return findingOf('actual-in-future', { ...base, found: d.status, expected: 'estimate or plan' });
  }
  if (d.status === FigureStatus.plan && d.year < currentYear) {
    return findingOf('plan-in-past', { ...base, found: d.status, expected: 'actual' });
  }
  return null;
};

const statusFitsYear: Check = (drafts, context) => {
  const currentYear = uploadYear(context);
  return drafts.map((d) => statusFinding(d, currentYear)).filter((f): f is Finding => f !== null);
};

export { statusFitsYear, defaultStatus };
