import { describe, expect, it } from 'vitest';
import { columnLetters, findingOf, messageFor, rowColumnOf } from '../../../shared/ingest/messages.ts';
import { FindingSchema } from '../../../shared/model/index.ts';

describe('messageFor', () => {
  it('words a known code from its facts', () => {
    expect(messageFor('duplicate-year', { year: 2024, sheet: 'Data', cell: 'A9', firstPlace: 'Data!A5' })).toBe(
      'The year 2024 appears twice (Data!A9), first in Data!A5. Keep one row (or column) per year and remove the other.',
    );
  });

  it('still makes a sentence for a code it has no wording for', () => {
    expect(messageFor('odd-thing', { year: 2025, sheet: 'Data', cell: 'C3', found: 'x', expected: 'y' })).toBe(
      'odd thing for 2025 (Data!C3): found x; expected y.',
    );
  });
});

describe('findingOf', () => {
  it('fills row and column from the cell and leaves unknown facts out', () => {
    // Act
    const finding = findingOf({ severity: 'warning', code: 'gdp-jump', sheet: 'Data', cell: 'AB12', year: 2025, params: { previousYear: 2024, threshold: 25 } });
    // Assess
    expect(FindingSchema.parse(finding)).toEqual({
      severity: 'warning',
      code: 'gdp-jump',
      sheet: 'Data',
      cell: 'AB12',
      row: 12,
      column: 28,
      year: 2025,
      message: finding.message,
    });
    expect(finding.message).toContain('from 2024 to 2025 (Data!AB12)');
  });
});

describe('A1 helpers', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [501, 'SG'],
    [16384, 'XFD'],
  ])('writes column %i as %s, and reads it back', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(rowColumnOf(`Data!$${letters}$7`)).toEqual({ row: 7, column: n });
  });

  it('reads no place from text that is not an address', () => {
    expect([rowColumnOf('Data'), rowColumnOf(null), rowColumnOf('A0')]).toEqual([null, null, null]);
  });
});
