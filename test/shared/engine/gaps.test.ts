import { describe, expect, it } from 'vitest';
import { fromNumber, toNumber } from '../../../shared/engine/exact.ts';
import type { Exact } from '../../../shared/engine/exact.ts';
import { trackGap } from '../../../shared/engine/gaps.ts';

const n = (x: Exact | null) => (x === null ? null : toNumber(x));
const T = fromNumber(3.5);
const gdp = { value: fromNumber(1000) };

describe('track gap', () => {
  it('is the target share of GDP minus the counted amount, in national currency and USD', () => {
    // Prepare: 3.5·1000/100 − 30 = 5; at 0.8 EUR per USD, 5 / 0.8 = 6.25 USD
    const counted = { value: fromNumber(30) };

    // Act
    const gap = trackGap(T, gdp, counted, fromNumber(0.8), 'no rate');

    // Assess
    expect(n(gap.national)).toBe(5);
    expect(n(gap.usd)).toBe(6.25);
    expect(gap.reason).toBeUndefined();
  });

  it('is zero, not negative, when the target is exceeded', () => {
    // Prepare: 35 − 40 < 0
    const counted = { value: fromNumber(40) };

    // Act
    const gap = trackGap(T, gdp, counted, fromNumber(0.8), 'no rate');

    // Assess
    expect(n(gap.national)).toBe(0);
    expect(n(gap.usd)).toBe(0);
  });

  it('has no USD figure, with a reason, when the exchange rate is unknown', () => {
    // Prepare
    const counted = { value: fromNumber(30) };

    // Act
    const gap = trackGap(T, gdp, counted, null, 'no USD exchange rate for EUR in 2031');

    // Assess
    expect(n(gap.national)).toBe(5);
    expect(gap.usd).toBeNull();
    expect(gap.reason).toBe('no USD exchange rate for EUR in 2031');
  });

  it('is unknown when GDP is missing', () => {
    // Prepare / Act
    const gap = trackGap(T, { value: null, reason: 'GDP not reported' }, { value: fromNumber(30) }, fromNumber(1), 'no rate');

    // Assess
    expect(gap).toEqual({ national: null, usd: null, reason: 'gap unknown: GDP not reported' });
  });

  it('is unknown when the counted amount is missing', () => {
    // Prepare / Act
    const gap = trackGap(T, gdp, { value: null, reason: 'core defence expenditure not reported' }, fromNumber(1), 'no rate');

    // Assess
    expect(gap.national).toBeNull();
    expect(gap.reason).toMatch(/core defence expenditure not reported/);
  });
});
