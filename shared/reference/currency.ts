// Which currency an ally used when, and the irrevocable rates of the currencies the euro
// replaced. Rates come from the allies file, never from literals here.
import { ALLIES, allyByIso3 } from './allies.ts';
import type { CurrencyPeriod } from './types.ts';

const currentCurrency = (iso3: string): string | null => allyByIso3(iso3)?.currencies.at(-1)?.currency ?? null;

const periodInYear = (iso3: string, year: number): CurrencyPeriod | null =>
  allyByIso3(iso3)?.currencies.find((p) => p.from <= year && (p.to === undefined || year <= p.to)) ?? null;

/** The currency the ally used in that year; null before its recorded history or for an unknown ally. */
const currencyInYear = (iso3: string, year: number): string | null => periodInYear(iso3, year)?.currency ?? null;

const eurRates = new Map<string, number>();
for (const ally of ALLIES)
  for (const period of ally.currencies) if (period.eurRate !== undefined) eurRates.set(period.currency, period.eurRate);

/** Units of a legacy euro currency per EUR (e.g. LTL 3.45280); null for any other currency. */
const legacyEuroRate = (currency: string): number | null => eurRates.get(currency.trim().toUpperCase()) ?? null;

/** True when the currency is one the euro replaced in this ally (LTL for LTU, not for LVA). */
const isEuroLegacyOf = (iso3: string, currency: string): boolean => {
  const code = currency.trim().toUpperCase();
  return allyByIso3(iso3)?.currencies.some((p) => p.currency === code && p.eurRate !== undefined) ?? false;
};

/** The euro changeover of an ally (date and legacy currency), or null if it never had one. */
const euroChangeover = (iso3: string): { currency: string; date: string; eurRate: number } | null => {
  const legacy = allyByIso3(iso3)?.currencies.find((p) => p.eurRate !== undefined && p.changeover !== undefined);
  return legacy?.eurRate !== undefined && legacy.changeover !== undefined
    ? { currency: legacy.currency, date: legacy.changeover, eurRate: legacy.eurRate }
    : null;
};

export { currentCurrency, currencyInYear, legacyEuroRate, isEuroLegacyOf, euroChangeover };
