import { describe, it, expect } from 'vitest';
import { parseYearText } from '../../../../shared/ingest/read/year-text.ts';

describe('years as written in a header or year cell', () => {
  it.each([
    ['2024', 2024, null],
    ['2024e', 2024, 'estimate'],
    ['2024 (est.)', 2024, 'estimate'],
    ['2027 plan', 2027, 'plan'],
    ['2023*', 2023, null],
    ['2024/25', 2024, null],
    ['2024-2025', 2024, null],
    ['FY2024-25', 2024, null],
    ['FY 2023', 2023, null],
    ['1999/00', 1999, null],
  ] as const)('reads the year "%s"', (text, year, status) => {
    // Act / Assess
    expect(parseYearText(text)).toEqual({ year, status });
  });

  it('refuses text that only starts like a year', () => {
    // Act / Assess
    expect([parseYearText('2024 was a good year'), parseYearText('FY24'), parseYearText('20245'), parseYearText('2014-2024')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
