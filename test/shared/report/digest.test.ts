import { describe, it, expect } from 'vitest';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { canonicalJson, datasetDigest } from '../../../shared/report/index.ts';
import { makeDataset, makeResult } from '../../helpers/dataset.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    // Prepare / Act
    const text = canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } });

    // Assess
    expect(text).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});

describe('datasetDigest', () => {
  it('is the same for the same inputs whatever the release number, time, trigger or reason', () => {
    // Prepare
    const first = makeDataset({ release: { number: 1, publishedAt: '2026-01-01T00:00:00.000Z', trigger: 'upload', reportingYear: 2026 } });
    const second = makeDataset({
      release: { number: 9, publishedAt: '2027-05-05T05:05:05.000Z', trigger: 'manual', reason: 're-run', reportingYear: 2026 },
    });

    // Act / Assess
    expect(second.release.digest).toBe(first.release.digest);
    expect(datasetDigest(second)).toBe(first.release.digest);
  });

  it('does not depend on the order the engine listed allies in', () => {
    // Prepare
    const result = makeResult();
    const reversed = { ...result, allies: [...result.allies].reverse() };

    // Act / Assess
    expect(makeDataset({ result: reversed }).release.digest).toBe(makeDataset({ result }).release.digest);
  });

  it('changes when one figure changes', () => {
    // Prepare
    const result = makeResult();
    const alb = result.allies.find((a) => a.iso3 === 'ALB')!;
    const changed = {
      ...result,
      allies: result.allies.map((a) => (a === alb ? { ...alb, years: alb.years.map((y, i) => (i === 0 ? { ...y, gdp: (y.gdp ?? 0) + 1 } : y)) } : a)),
    };

    // Act / Assess
    expect(makeDataset({ result: changed }).release.digest).not.toBe(makeDataset({ result }).release.digest);
  });

  it('changes with the reporting year and with the rules', () => {
    // Prepare
    const base = makeDataset();
    const otherYear = makeDataset({ release: { number: 3, publishedAt: '2026-06-01T12:00:00.000Z', trigger: 'upload', reportingYear: 2025 } });
    const otherRules = makeDataset({ rules: { ...HAGUE_2025, planTolerancePct: 0.2 } });

    // Act / Assess
    expect(otherYear.release.digest).not.toBe(base.release.digest);
    expect(otherRules.release.digest).not.toBe(base.release.digest);
  });
});
