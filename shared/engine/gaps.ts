// What is still needed to reach a track's target in one year: T·g/100 minus the counted
// amount, never below zero, in national currency and in USD.
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { div, max, sub, ZERO } from './exact.ts';
import { amountAt } from './ratios.ts';

interface Gap {
  national: Exact | null;
  usd: Exact | null;
  reason?: string;
}

/**
 * @param counted the amount counted on the track (C, the capped S, or C plus the capped S)
 * @param rate national currency units per USD, or null when unknown
 * @param noRate why the rate is null, e.g. "no USD exchange rate for EUR in 2031"
 */
const trackGap = (target: Exact, gdp: Measured, counted: Measured, rate: Exact | null, noRate: string): Gap => {
  const unknown = gdp.value === null ? gdp.reason : counted.value === null ? counted.reason : undefined;
  if (gdp.value === null || counted.value === null) {
    return { national: null, usd: null, reason: `gap unknown: ${unknown ?? 'figures missing'}` };
  }
  const national = max(ZERO, sub(amountAt(target, gdp.value), counted.value));
  const usd = rate === null ? null : div(national, rate);
  return usd === null ? { national, usd, reason: noRate } : { national, usd };
};

export { trackGap };
export type { Gap };
