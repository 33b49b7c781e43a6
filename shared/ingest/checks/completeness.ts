// A year whose shares of GDP cannot be computed is accepted (the engine reports it as no data),
// but the submitter is told why: GDP missing beside expenditure, or parts given without a total.
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import { CORE_PARTS, SECURITY_PARTS } from '../../submission/index.ts';
import { formatAmount } from '../../text/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { Check } from './context.ts';

const SECTIONS = [
  { key: 'core', parts: CORE_PARTS },
  { key: 'security', parts: SECURITY_PARTS },
] as const;

const gdpMissing = (d: DraftRecord): Finding[] =>
  d.gdp === null && (d.core.total !== null || d.security.total !== null)
    ? [
        findingOf('gdp-missing', {
          sheet: d.sheet,
          cell: d.cells.gdp ?? d.cells.year ?? null,
          ally: d.ally,
          year: d.year,
          field: 'gdp',
          expected: 'GDP in the same currency and unit as the expenditure',
        }),
      ]
    : [];

const totalsMissing = (d: DraftRecord): Finding[] =>
  SECTIONS.flatMap(({ key, parts }) => {
    const amounts: Record<string, number | null | undefined> = d[key];
    const given = parts.map((p) => amounts[p]).filter((v): v is number => typeof v === 'number');
    if (amounts.total !== null || given.length === 0) return [];
    const field = `${key}.total`;
    const partsSum = Number(given.reduce((a, b) => a + b, 0).toFixed(3));
    return [
      findingOf('total-missing', {
        sheet: d.sheet,
        cell: d.cells[field] ?? d.cells.year ?? null,
        ally: d.ally,
        year: d.year,
        field,
        found: `parts adding up to ${formatAmount(partsSum)}`,
        expected: 'the total beside its breakdown',
        params: { partsSum },
      }),
    ];
  });

const figuresComplete: Check = (drafts) => drafts.flatMap((d) => [...gdpMissing(d), ...totalsMissing(d)]);

export { figuresComplete };
