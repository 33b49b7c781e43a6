import { describe, expect, it } from 'vitest';
import { add, cmp, div, frac, fromNumber, HUNDRED, mul, sub, toNumber } from '../../../shared/engine/exact.ts';

describe('exact arithmetic', () => {
  it('reads a float as the decimal it prints as', () => {
    // Prepare / Act
    const seven = fromNumber(0.07);
    const big = fromNumber(1.5e21);
    const tiny = fromNumber(2.5e-7);

    // Assess
    expect(seven).toEqual({ n: 7n, d: 100n });
    expect(big).toEqual({ n: 1500000000000000000000n, d: 1n });
    expect(tiny).toEqual({ n: 1n, d: 4000000n }); // 25/10^8 reduced
  });

  it('computes 100·0.07/2 as exactly 3.5, where floats give 3.5000000000000004', () => {
    // Prepare
    const float = (100 * 0.07) / 2;

    // Act
    const ratio = div(mul(HUNDRED, fromNumber(0.07)), fromNumber(2));

    // Assess
    expect(float).not.toBe(3.5);
    expect(ratio).toEqual({ n: 7n, d: 2n });
    expect(cmp(ratio ?? frac(0n, 1n), fromNumber(3.5))).toBe(0);
  });

  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    // Prepare / Act
    const total = add(fromNumber(0.1), fromNumber(0.2));

    // Assess
    expect(cmp(total, fromNumber(0.3))).toBe(0);
    expect(toNumber(total)).toBe(0.3);
  });

  it('returns null for a division by zero instead of Infinity', () => {
    // Prepare / Act / Assess
    expect(div(fromNumber(5), fromNumber(0))).toBeNull();
  });

  it('keeps signs through subtraction and orders fractions', () => {
    // Prepare / Act
    const diff = sub(fromNumber(2), fromNumber(3.5));

    // Assess
    expect(diff).toEqual({ n: -3n, d: 2n });
    expect(cmp(diff, fromNumber(0))).toBe(-1);
    expect(cmp(fromNumber(3.5), frac(7n, 2n))).toBe(0);
  });

  it('converts large fractions back to the nearest float, and an overflow to null', () => {
    // Prepare
    const third = frac(10n ** 30n, 3n * 10n ** 30n);
    const huge = frac(10n ** 400n, 1n);

    // Act / Assess
    expect(toNumber(third)).toBeCloseTo(1 / 3, 15);
    expect(toNumber(frac(123456789n * 10n ** 40n, 10n ** 40n))).toBe(123456789);
    expect(toNumber(huge)).toBeNull();
  });

  it('refuses NaN and Infinity, which no validated record holds', () => {
    // Prepare / Act / Assess
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
