// The arithmetic of a benchmark: medians and quartiles of repeated runs, and the ratio of paired
// runs (A and B run back to back, so both see the same machine at the same moment).

/** The q-quantile (0..1) of `values` by linear interpolation; NaN for none. */
const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lo = sorted[low] ?? Number.NaN;
  const hi = sorted[high] ?? Number.NaN;
  return lo + (hi - lo) * (at - low);
};

const median = (values: readonly number[]): number => quantile(values, 0.5);

/** A ratio of paired runs: its median and the quartiles of the per-pair ratios (the spread). */
interface PairedRatio {
  median: number;
  q1: number;
  q3: number;
}

const pairedRatio = (a: readonly number[], b: readonly number[]): PairedRatio => {
  const ratios = a.flatMap((x, i) => {
    const y = b[i];
    return y === undefined || y === 0 ? [] : [x / y];
  });
  return { median: median(ratios), q1: quantile(ratios, 0.25), q3: quantile(ratios, 0.75) };
};

/** The spread of repeated runs of one thing: interquartile range over the median (0.1 = 10%). */
const relativeSpread = (values: readonly number[]): number => (quantile(values, 0.75) - quantile(values, 0.25)) / median(values);

export { median, quantile, pairedRatio, relativeSpread };
export type { PairedRatio };
