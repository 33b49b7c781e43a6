import { describe, expect, it } from 'vitest';
import { findingOf, messageFor } from '../../../shared/ingest/messages.ts';
import { ReadCode } from '../../../shared/ingest/read/codes.ts';
import { FindingSchema } from '../../../shared/model/index.ts';

describe('messageFor', () => {
  it('words a known code from its facts', () => {
    expect(messageFor('duplicate-year', { year: 2024, sheet: 'Data', cell: 'A9', firstPlace: 'Data!A5' })).toBe(
      'The year 2024 appears twice (Data!A9), first in Data!A5. Keep one row (or column) per year and remove the other.',
    );
  });

  it('words a reader code by the field, the year and the cell, with the expected default when none is given', () => {
    // Act
    const message = messageFor('not-a-number', { field: 'gdp', year: 2024, sheet: 'Data', cell: 'C5', found: 'n/a' });
    // Assess
    expect(message).toBe('GDP for 2024 in Data!C5 is "n/a", which is not a number. Expected a number such as 1234.5 or 1 234,5, or ".." if there is no figure.');
  });

  it('says the file was not read when the guard refuses an oversized sheet, and only the sheet when the reader skips it', () => {
    // Prepare
    const facts = { sheet: 'Data', found: '200001', expected: '100000' };
    // Act
    const [guard, reader] = [messageFor('too-many-rows', facts), messageFor('too-many-rows', { ...facts, refused: 'sheet' })];
    // Assess
    expect(guard).toBe(
      'Sheet "Data" uses 200001 rows, more than the 100000 a submission may have, so the file was not read. Delete the unused rows below the table and save again.',
    );
    expect(reader).toBe(
      'Sheet "Data" uses 200001 rows, more than the 100000 a submission may have, so it was not read. Delete the unused rows below the table and save again.',
    );
  });

  it.each(Object.values(ReadCode))('has its own wording for the reader code %s', (code) => {
    // Act
    const message = messageFor(code, {});
    // Assess: not the generic sentence made for codes without wording.
    expect(message.startsWith(code.replaceAll('-', ' '))).toBe(false);
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
