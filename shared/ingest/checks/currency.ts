// Amounts must be in the currency the ally used that year (a legacy euro currency in its own
// era is fine, the reader converts it) or in the ally's currency of today.
import { findingOf } from '../../findings/index.ts';
import type { Check } from './context.ts';
import { effectiveAlly } from './context.ts';

const currencyOfAlly: Check = (drafts, context) => {
  const fallbackAlly = effectiveAlly(drafts, context);
  return drafts.flatMap((d) => {
    const ally = d.ally ?? fallbackAlly;
    const declared = d.sourceCurrency?.trim().toUpperCase();
    if (!ally || !declared) return [];
    const ofTheYear = context.reference.currencyInYear(ally, d.year);
    const ofToday = context.reference.currentCurrency(ally);
    // No history for that year (or an unknown ally): nothing to compare against.
    if (!ofTheYear || !ofToday) return [];
    if (declared === ofTheYear || declared === ofToday) return [];
    return [
      findingOf('currency-not-ally', {
        sheet: d.sheet,
        cell: d.cells.currency ?? d.cells.year ?? null,
        ally,
        year: d.year,
        field: 'currency',
        found: declared,
        expected: ofTheYear === ofToday ? ofToday : `${ofTheYear} or ${ofToday}`,
        params: {
          allyName: context.reference.allyName(ally) ?? ally,
          allyNameFr: context.reference.allyName(ally, 'fr') ?? ally,
          yearCurrency: ofTheYear,
          todayCurrency: ofToday,
        },
      }),
    ];
  });
};

export { currencyOfAlly };
