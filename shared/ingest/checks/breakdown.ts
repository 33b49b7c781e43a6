// The parts of core and of security-related spending must add up to their total, within the
// tolerance the rules allow for rounding. A partial breakdown (some parts left empty, as when a
// ministry does not split O&M from "other") is fine as long as its parts do not exceed the total.
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import type { Rules } from '../../model/index.ts';
import { CORE_PARTS, SECURITY_PARTS } from '../../submission/index.ts';
import { formatAmount } from '../../text/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { Check } from './context.ts';

const SECTIONS = [
  { key: 'core', parts: CORE_PARTS },
  { key: 'security', parts: SECURITY_PARTS },
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
    findingOf(complete ? 'breakdown-mismatch' : 'breakdown-exceeds-total', {
      sheet: d.sheet,
      cell: d.cells[field] ?? null,
      ally: d.ally,
      year: d.year,
      field,
      found: formatAmount(sum),
      expected: `${formatAmount(total)} ± ${formatAmount(tolerance)}`,
      // Rounded as the message writes them, so the receipt carries the figures it quotes.
      params: { group: section.key, sum: Number(sum.toFixed(3)), total: Number(total.toFixed(3)), tolerance: Number(tolerance.toFixed(3)) },
    }),
  ];
};

const breakdownAddsUp: Check = (drafts, { rules }) => drafts.flatMap((d) => SECTIONS.flatMap((s) => checkSection(d, s, rules)));

export { breakdownAddsUp };
