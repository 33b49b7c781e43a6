// Which exchange rate turns an ally's amounts into USD (DESIGN §6), as NATO does it:
// - a year before the ally's euro changeover uses the legacy currency's own dollar rate of that
//   year (Croatia 2014: kuna per USD), applied to the euro amount through the irrevocable rate:
//   USD = euro × eurRate ÷ legacy units per USD; any other year uses the record currency's rate;
// - a year the table has no rate for takes the latest earlier year's conversion, flagged as
//   carried forward (never current: sums at current rates leave such a year out);
// - the constant basis converts every year at the rates of one year: the latest year of the
//   table in which every ally with figures has a rate.
import type { AllyRef } from '../reference/index.ts';
import type { Exact } from './exact.ts';
import { div, fromNumber } from './exact.ts';

/** National currency units per USD for a currency and year, or null when unknown. */
type UsdRate = (currency: string, year: number) => number | null;

/** The exchange-rate table as the engine sees it: a lookup and the years it covers. */
interface Rates {
  usdRate: UsdRate;
  /** Every year the table has an entry for (known or null), any order. */
  years: readonly number[];
}

interface Conversion {
  /** Units of the record's currency per USD. */
  rate: Exact;
  /** The table year the rate comes from. */
  rateYear: number;
  /** Set when a legacy euro currency's own dollar rate was used. */
  legacy?: { currency: string; eurRate: number; perUsd: number };
}

const EURO = 'EUR';

const positive = (r: number | null): number | null => (r !== null && Number.isFinite(r) && r > 0 ? r : null);

/**
 * The conversion of `year` at that year's own rate, or null when the table has none. An amount in
 * euro from a year the ally still used a legacy euro currency goes through that currency's rate.
 */
const observedConversion = (ally: AllyRef, currency: string, year: number, usdRate: UsdRate): Conversion | null => {
  const period = ally.currencies.find((p) => p.from <= year && (p.to === undefined || year <= p.to));
  if (currency === EURO && period !== undefined && period.eurRate !== undefined && period.currency !== EURO) {
    const perUsd = positive(usdRate(period.currency, year));
    if (perUsd === null) return null;
    const rate = div(fromNumber(perUsd), fromNumber(period.eurRate));
    return rate === null ? null : { rate, rateYear: year, legacy: { currency: period.currency, eurRate: period.eurRate, perUsd } };
  }
  const own = positive(usdRate(currency, year));
  return own === null ? null : { rate: fromNumber(own), rateYear: year };
};

/** The year's conversion, else the latest earlier year's (carried forward); null when neither exists. */
const conversionFor = (ally: AllyRef, currency: string, year: number, rates: Rates): Conversion | null => {
  const observed = observedConversion(ally, currency, year, rates.usdRate);
  if (observed !== null) return observed;
  const earlier = [...new Set(rates.years)].filter((y) => y < year).sort((a, b) => b - a);
  for (const y of earlier) {
    const carried = observedConversion(ally, currency, y, rates.usdRate);
    if (carried !== null) return carried;
  }
  return null;
};

/**
 * The constant basis: the latest year of the table in which every ally given (with the currency
 * of its figures) has a rate of its own; null when no year has them all.
 */
const constantRateYear = (
  allies: readonly { ally: AllyRef; currency: string }[],
  rates: Rates,
): number | null => {
  const years = [...new Set(rates.years)].sort((a, b) => b - a);
  return years.find((y) => allies.every(({ ally, currency }) => observedConversion(ally, currency, y, rates.usdRate) !== null)) ?? null;
};

export { observedConversion, conversionFor, constantRateYear };
export type { UsdRate, Rates, Conversion };
