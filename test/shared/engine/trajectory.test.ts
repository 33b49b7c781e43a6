import { describe, expect, it } from 'vitest';
import { fromNumber, toNumber } from '../../../shared/engine/exact.ts';
import type { Exact } from '../../../shared/engine/exact.ts';
import { findBaseline, pathAt } from '../../../shared/engine/trajectory.ts';

const n = (x: Exact | null) => (x === null ? null : toNumber(x));
const T = fromNumber(3.5);

describe('baseline', () => {
  it('is the ratio of the baseline year when there is one', () => {
    // Prepare
    const ratios = [
      { year: 2024, pct: fromNumber(1.9) },
      { year: 2025, pct: fromNumber(2) },
      { year: 2026, pct: fromNumber(2.2) },
    ];

    // Act
    const b = findBaseline(ratios, 2025);

    // Assess
    expect(b && { year: b.year, pct: n(b.pct) }).toEqual({ year: 2025, pct: 2 });
  });

  it('falls back to the latest earlier year with a ratio when the baseline year has none', () => {
    // Prepare: 2025 has no ratio, 2024 is missing altogether, 2023 and 2022 have one
    const ratios = [
      { year: 2022, pct: fromNumber(1.5) },
      { year: 2023, pct: fromNumber(1.7) },
      { year: 2025, pct: null },
      { year: 2026, pct: fromNumber(2.5) },
    ];

    // Act
    const b = findBaseline(ratios, 2025);

    // Assess
    expect(b && { year: b.year, pct: n(b.pct) }).toEqual({ year: 2023, pct: 1.7 });
  });

  it('is absent when only later years have a ratio', () => {
    // Prepare
    const ratios = [
      { year: 2025, pct: null },
      { year: 2026, pct: fromNumber(2.5) },
    ];

    // Act / Assess
    expect(findBaseline(ratios, 2025)).toBeNull();
  });
});

describe('trajectory path', () => {
  const baseline = { year: 2025, pct: fromNumber(2) };

  it('runs in a straight line from the baseline to the target', () => {
    // Prepare / Act: path(2030) = 2 + (3.5 − 2)·5/10 = 2.75; path(2027) = 2 + 1.5·2/10 = 2.3
    const mid = pathAt(baseline, T, 2025, 2035, 2030);
    const early = pathAt(baseline, T, 2025, 2035, 2027);

    // Assess
    expect(n(mid)).toBe(2.75);
    expect(n(early)).toBe(2.3);
  });

  it('starts at the baseline and ends at the target', () => {
    // Prepare / Act / Assess
    expect(n(pathAt(baseline, T, 2025, 2035, 2025))).toBe(2);
    expect(n(pathAt(baseline, T, 2025, 2035, 2035))).toBe(3.5);
  });

  it('stays at the target after the target year', () => {
    // Prepare / Act / Assess
    expect(n(pathAt(baseline, T, 2025, 2035, 2040))).toBe(3.5);
  });

  it('does not exist before the baseline year', () => {
    // Prepare / Act / Assess
    expect(pathAt(baseline, T, 2025, 2035, 2024)).toBeNull();
  });

  it('is flat at the target for an ally already above it', () => {
    // Prepare: b = 4.1 ≥ 3.5
    const above = { year: 2025, pct: fromNumber(4.1) };

    // Act / Assess
    expect(n(pathAt(above, T, 2025, 2035, 2025))).toBe(3.5);
    expect(n(pathAt(above, T, 2025, 2035, 2030))).toBe(3.5);
  });

  it('does not exist without a baseline', () => {
    // Prepare / Act / Assess
    expect(pathAt(null, T, 2025, 2035, 2030)).toBeNull();
  });

  it('keeps its anchor in the baseline year when the baseline ratio comes from an earlier year', () => {
    // Prepare: ratio of 2023 used; path(2030) = 1.5 + 2·5/10 = 2.5
    const older = { year: 2023, pct: fromNumber(1.5) };

    // Act / Assess
    expect(n(pathAt(older, T, 2025, 2035, 2030))).toBe(2.5);
  });
});
