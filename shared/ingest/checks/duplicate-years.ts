// Two rows (or columns) for the same year leave it ambiguous which figure is meant.
import { findingOf } from '../../findings/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { Check } from './context.ts';

const yearCell = (d: DraftRecord): string | null => d.cells.year ?? null;

const duplicateYears: Check = (drafts) => {
  const first = new Map<number, DraftRecord>();
  return drafts.flatMap((d) => {
    const earlier = first.get(d.year);
    if (!earlier) {
      first.set(d.year, d);
      return [];
    }
    return [
      findingOf('duplicate-year', {
        sheet: d.sheet,
        cell: yearCell(d),
        year: d.year,
        field: 'year',
        found: String(d.year),
        expected: 'each year once',
        params: { firstSheet: earlier.sheet, firstCell: yearCell(earlier) },
      }),
    ];
  });
};

export { duplicateYears };
