import { describe, expect, it } from 'vitest';
import { a1, cellOf, columnLetters, columnNumber, parseA1, sheetCell, sheetRef } from '../../../shared/text/index.ts';

describe('A1 addresses', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [501, 'SG'],
    [16384, 'XFD'],
  ])('writes column %i as %s, and reads it back', (n, letters) => {
    // Act / Assess
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
    expect(parseA1(`Data!$${letters}$7`)).toEqual({ row: 7, column: n });
  });

  it('writes a row and column as an address and reads it back, with or without a sheet', () => {
    // Act / Assess
    expect(a1(12, 28)).toBe('AB12');
    expect([parseA1('AB12'), parseA1("'Defence data'!AB12")]).toEqual([
      { row: 12, column: 28 },
      { row: 12, column: 28 },
    ]);
  });

  it('reads no place from text that is not an address', () => {
    // Act / Assess
    expect([parseA1('Data'), parseA1(null), parseA1('A0'), parseA1('ABCD1'), parseA1('')]).toEqual([null, null, null, null, null]);
  });
});

describe('sheet references', () => {
  it.each([
    ['Data', 'Data!D7'],
    ['Données', 'Données!D7'],
    ['Sheet_2', 'Sheet_2!D7'],
    ['Defence data', "'Defence data'!D7"],
    ['2024', "'2024'!D7"],
    ['AB12', "'AB12'!D7"],
    ['R1C1', "'R1C1'!D7"],
    ['C', "'C'!D7"],
    ["O'Neill", "'O''Neill'!D7"],
    ['FRA-2025', "'FRA-2025'!D7"],
  ])('names a cell of sheet %s as %s', (sheet, reference) => {
    // Act / Assess
    expect(sheetCell(sheet, 'D7')).toBe(reference);
    expect(cellOf(reference)).toBe('D7');
  });

  it('keeps an address that already names its sheet', () => {
    // Act / Assess
    expect(sheetCell('Other', "'My data'!B2")).toBe("'My data'!B2");
    expect(sheetRef('Data')).toBe('Data');
  });
});
