// The trajectory of DESIGN §6: from the ally's own baseline ratio b in the baseline year to the
// target T in the target year, in a straight line; flat at T when b already reaches it, and T
// from the target year on.
import type { Exact } from './exact.ts';
import { add, frac, gte, mul, sub } from './exact.ts';

interface Baseline {
  /** The year whose ratio was used: the baseline year, or the latest earlier year with a ratio. */
  year: number;
  pct: Exact;
}

interface YearRatio {
  year: number;
  pct: Exact | null;
}

/** The ratio of the baseline year if it has one, else of the latest earlier year that has one. */
const findBaseline = (ratios: readonly YearRatio[], baselineYear: number): Baseline | null => {
  let best: Baseline | null = null;
  for (const { year, pct } of ratios) {
    if (pct === null || year > baselineYear) continue;
    if (best === null || year > best.year) best = { year, pct };
  }
  return best;
};

/** path(y); null before the baseline year (nothing is committed yet) or without a baseline. */
const pathAt = (
  baseline: Baseline | null,
  target: Exact,
  baselineYear: number,
  targetYear: number,
  year: number,
): Exact | null => {
  if (year < baselineYear || baseline === null) return null;
  const b = baseline.pct;
  if (gte(b, target) || year >= targetYear) return target;
  const progress = frac(BigInt(year - baselineYear), BigInt(targetYear - baselineYear));
  return add(b, mul(sub(target, b), progress));
};

export { findBaseline, pathAt };
export type { Baseline, YearRatio };
