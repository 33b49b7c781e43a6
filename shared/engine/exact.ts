// Exact rational arithmetic for the engine's decisions. Submitted amounts are decimals
// ("1234.5"), and binary floating point cannot hold most of them: 100·0.07/2 gives
// 3.5000000000000004, so "3.5% is met" would depend on luck. Each number is therefore read
// back as the shortest decimal that prints it (what the submitter typed) and every ratio, path,
// gap and comparison is done on exact fractions of BigInts. Only presentation converts back to
// a float, and the conversion is monotone, so a shown 3.5 never hides a decision made on 3.4999….

/** A fraction n/d in lowest terms with d > 0. */
interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

const frac = (n: bigint, d: bigint): Exact => {
  if (d === 0n) throw new RangeError('zero denominator');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
};

const integer = (n: number | bigint): Exact => ({ n: BigInt(n), d: 1n });

/** The decimal a finite float prints as, exactly; throws on NaN or Infinity (a bug upstream). */
const fromNumber = (x: number): Exact => {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`unexpected number format: ${String(x)}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = m;
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return shift >= 0 ? frac(digits * 10n ** BigInt(shift), 1n) : frac(digits, 10n ** BigInt(-shift));
};

const add = (a: Exact, b: Exact): Exact => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Exact, b: Exact): Exact => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Exact, b: Exact): Exact => frac(a.n * b.n, a.d * b.d);
/** a/b, or null when b is zero: callers turn that null into a reason. */
const div = (a: Exact, b: Exact): Exact | null => (b.n === 0n ? null : frac(a.n * b.d, a.d * b.n));

const cmp = (a: Exact, b: Exact): -1 | 0 | 1 => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const gte = (a: Exact, b: Exact): boolean => cmp(a, b) >= 0;
const lt = (a: Exact, b: Exact): boolean => cmp(a, b) < 0;
const min = (a: Exact, b: Exact): Exact => (cmp(a, b) <= 0 ? a : b);
const max = (a: Exact, b: Exact): Exact => (cmp(a, b) >= 0 ? a : b);
const isZero = (a: Exact): boolean => a.n === 0n;
const absolute = (a: Exact): Exact => (a.n < 0n ? { n: -a.n, d: a.d } : a);
/** a to a non-negative integer power (growth compounded over years). */
const pow = (a: Exact, k: number): Exact => {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`not a non-negative integer power: ${k}`);
  return { n: a.n ** BigInt(k), d: a.d ** BigInt(k) };
};
const sum = (xs: readonly Exact[]): Exact => xs.reduce(add, ZERO);

const ZERO: Exact = integer(0);
const HUNDRED: Exact = integer(100);
const SAFE = 2n ** 53n;
const SIGNIFICANT = 21;

/**
 * The nearest float, or null when it would be ±Infinity (a ratio over a vanishing GDP).
 * Small fractions divide two exactly held floats (correctly rounded); larger ones go through
 * a decimal of 21 significant digits, close enough for presentation.
 */
const toNumber = (a: Exact): number | null => {
  let x: number;
  if (abs(a.n) <= SAFE && a.d <= SAFE) x = Number(a.n) / Number(a.d);
  else {
    const k = SIGNIFICANT - (abs(a.n).toString().length - a.d.toString().length);
    const q = k >= 0 ? (a.n * 10n ** BigInt(k)) / a.d : a.n / (a.d * 10n ** BigInt(-k));
    x = Number(`${q}e${-k}`);
  }
  return Number.isFinite(x) ? x : null;
};

export { frac, integer, fromNumber, add, sub, mul, div, cmp, gte, lt, min, max, isZero, absolute, pow, sum, toNumber, ZERO, HUNDRED };
export type { Exact };
