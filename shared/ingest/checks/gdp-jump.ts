// A GDP that moves by more than the rules' threshold from one year to the next is usually a
// unit slip (thousands for millions); it is flagged, not refused, as real shocks happen.
import { findingOf } from '../../findings/index.ts';
import { formatAmount } from '../../text/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { Check } from './context.ts';

const gdpJump: Check = (drafts, { rules }) => {
  const byYear = new Map<number, DraftRecord>();
  for (const d of drafts) if (!byYear.has(d.year)) byYear.set(d.year, d);
  const threshold = rules.validation.gdpJumpWarningPct;
  return [...byYear.values()].flatMap((d) => {
    const previous = byYear.get(d.year - 1);
    if (!previous || previous.gdp === null || d.gdp === null || previous.gdp <= 0) return [];
    const changePct = (100 * (d.gdp - previous.gdp)) / previous.gdp;
    if (Math.abs(changePct) <= threshold) return [];
    return [
      findingOf('gdp-jump', {
        sheet: d.sheet,
        cell: d.cells.gdp ?? null,
        ally: d.ally,
        year: d.year,
        field: 'gdp',
        found: `${changePct > 0 ? '+' : ''}${changePct.toFixed(1)}%`,
        expected: `at most ±${formatAmount(threshold)}%`,
        params: { previousYear: previous.year, threshold, change: Number(changePct.toFixed(1)) },
      }),
    ];
  });
};

export { gdpJump };
