// The parts of core and of security-related spending must add up to their total, within the
// tolerance the rules allow for rounding. A partial breakdown (some parts left empty, as when a
// ministry does not split O&M from "other") is fine as long as its parts do not exceed the total.
import type { Finding } from '../../model/finding.ts';
import type { Rules } from '../../model/rules.ts';
import { CORE_PARTS, SECURITY_PARTS, Severity } from '../../model/vocab.ts';
import type { DraftRecord } from '../draft.ts';
import { findingOf, formatAmount } from '../messages.ts';
import type { Check } from './context.ts';

const SECTIONS = [
  { key: 'core', parts: CORE_PARTS, label: 'core defence expenditure' },
  { key: 'security', parts: SECURITY_PARTS, label: 'security-related expenditure' },
] as const;

/** The larger of the relative and the absolute tolerance, in millions. */
const toleranceFor = (total: number, rules: Rules): number =>
  Math.max(Math.abs(total) * rules.validation.breakdownRelativeTolerance, rules.validation.breakdownAbsoluteTolerance);

const checkSection = (d: DraftRecord, section: (typeof SECTIONS)[number], rules: Rules): Finding[] => {
  const amounts: Record<string, number | null | undefined> = d[section.key];
  const total = amounts.total;
  const given = section.parts.map((p) => amounts[p]).filter((v): v is number => typeof v === 'number');
  // Only totals given, or no total: nothing to compare.
  if (total === null || total === undefined || given.length === 0) return [];
  const sum = given.reduce((a, b) => a + b, 0);
  const tolerance = toleranceFor(total, rules);
  const complete = given.length === section.parts.length;
  if (complete ? Math.abs(sum - total) <= tolerance : sum <= total + tolerance) return [];
  const field = `${section.key}.total`;
  return [
    findingOf({
      severity: Severity.error,
      code: complete ? 'breakdown-mismatch' : 'breakdown-exceeds-total',
      sheet: d.sheet,
      cell: d.cells[field] ?? null,
      ally: d.ally,
      year: d.year,
      field,
      found: formatAmount(sum),
      expected: `${formatAmount(total)} ± ${formatAmount(tolerance)}`,
      params: { part: section.label, total: formatAmount(total), tolerance: formatAmount(tolerance) },
    }),
  ];
};

const breakdownAddsUp: Check = (drafts, { rules }) => drafts.flatMap((d) => SECTIONS.flatMap((s) => checkSection(d, s, rules)));

export { breakdownAddsUp };
