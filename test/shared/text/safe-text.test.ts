import { describe, it, expect } from 'vitest';
import { safeText } from '../../../shared/text/index.ts';

describe('safeText', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('neutralises %j as %j', (input, expected) => {
    // Prepare / Act / Assess
    expect(safeText(input)).toBe(expected);
  });

  it('leaves ordinary text alone, including a formula character after the start', () => {
    // Prepare / Act / Assess
    expect(['Türkiye', 'a=b', 'plan 2026-2035', '', ' =1'].map(safeText)).toEqual(['Türkiye', 'a=b', 'plan 2026-2035', '', ' =1']);
  });
});
