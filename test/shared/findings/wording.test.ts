import { describe, expect, it } from 'vitest';
import { FINDING_CODES, FINDINGS, genericSentence, wordFinding } from '../../../shared/findings/index.ts';
import type { FindingCode, FindingParams } from '../../../shared/findings/index.ts';
import { LANGS } from '../../../shared/text/index.ts';

/** Every fact any sentence names, with values of the kinds the guard, reader and checks give. */
const SAMPLE: FindingParams = {
  sheet: 'Data',
  cell: 'D7',
  year: 2025,
  field: 'core.total',
  ally: 'LTU',
  found: 'x',
  expected: 'y',
  size: 12_000_000,
  maxSize: 10_485_760,
  count: 200_001,
  max: 100_000,
  orMore: true,
  entry: 'xl/worksheets/sheet1.xml',
  compressed: 20_000,
  kind: 'pdf',
  extension: '.numbers',
  problem: 'control',
  charCode: 1,
  position: 12,
  value: -5,
  share: 2.1,
  sheets: 'Data, Notes',
  min: 1949,
  firstSheet: 'Data',
  firstCell: 'A5',
  group: 'core',
  sum: 1234.5,
  total: 1200,
  tolerance: 1.2,
  previousYear: 2024,
  threshold: 25,
  change: 30.5,
  allyName: 'Lithuania',
  allyNameFr: 'Lituanie',
  yearCurrency: 'LTL',
  todayCurrency: 'EUR',
  currentYear: 2026,
  assumed: 'estimate',
  foundName: 'Germany',
  foundNameFr: 'Allemagne',
  expectedName: 'Lithuania',
  expectedNameFr: 'Lituanie',
  partsSum: 12.5,
  encoding: 'windows-1252',
  byte: 0x81,
  offset: 1234,
  word: 'Áþäæåò',
  line: 'row',
  label: 'Pensions',
  reason: 'duplicate',
  readFrom: 'Data!E7',
  more: 3,
  years: '2024, 2025',
  range: 'A30:F42',
  readSheet: 'Data',
  readCell: 'A5',
  char: 'а',
  codePoint: 'U+0430',
  script: 'Cyrillic',
  latin: 'a',
  asDecimal: 39.5,
  asThousands: 39_500,
  basis: 'delimiter',
  decimalMark: ',',
  duplicateOf: '20260301T100000000Z-0123456789ab',
  duplicateUploadedAt: '2026-03-01T10:00:00.000Z',
  status: 'plan',
  replaced: '20250301T100000000Z-0123456789ab',
  replacedStatus: 'actual',
  newer: '20260302T100000000Z-ba9876543210',
  newerUploadedAt: '2026-03-02T10:00:00.000Z',
};

describe('the wording of every finding code', () => {
  it.each(FINDING_CODES.flatMap((code) => LANGS.map((lang) => [code, lang] as const)))('words %s in %s, not with the generic sentence', (code, lang) => {
    // Act
    const sentence = wordFinding(code, SAMPLE, lang);
    // Assess
    expect(sentence.trim().length).toBeGreaterThan(20);
    expect(sentence).not.toBe(genericSentence(code, SAMPLE, lang));
    expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
    expect(sentence).toMatch(/[.!?»]$/);
  });

  it('has a sentence for each language in every entry, and French differs from English', () => {
    // Act
    const missing = FINDING_CODES.filter((code) => LANGS.some((lang) => typeof FINDINGS[code][lang] !== 'function'));
    const untranslated = FINDING_CODES.filter((code) => wordFinding(code, SAMPLE, 'fr') === wordFinding(code, SAMPLE, 'en'));
    // Assess
    expect(missing).toEqual([]);
    expect(untranslated).toEqual([]);
  });

  it('words a known code from its facts', () => {
    // Act / Assess
    expect(wordFinding('duplicate-year', { year: 2024, sheet: 'Data', cell: 'A9', firstSheet: 'Data', firstCell: 'A5' })).toBe(
      'The year 2024 appears twice (Data!A9), first in Data!A5. Keep one row (or column) per year and remove the other.',
    );
  });

  it('words a reader code by the field, the year and the cell, with the expected default when none is given', () => {
    // Act
    const message = wordFinding('not-a-number', { field: 'gdp', year: 2024, sheet: 'Data', cell: 'C5', found: 'n/a' });
    // Assess
    expect(message).toBe('GDP for 2024 in Data!C5 is "n/a", which is not a number. Expected a number such as 1234.5 or 1 234,5, or ".." if there is no figure.');
  });

  it('says the file was not read when the guard refuses an oversized sheet, and only the sheet when the reader skips it', () => {
    // Prepare
    const facts = { sheet: 'Data', found: '200001', expected: '100000' };
    // Act
    const [guard, reader] = [wordFinding('too-many-rows', facts), wordFinding('too-many-rows', { ...facts, refused: 'sheet' })];
    // Assess
    expect(guard).toBe(
      'Sheet "Data" uses 200001 rows, more than the 100000 a submission may have, so the file was not read. Delete the unused rows below the table and save again.',
    );
    expect(reader).toBe(
      'Sheet "Data" uses 200001 rows, more than the 100000 a submission may have, so it was not read. Delete the unused rows below the table and save again.',
    );
  });

  it('writes French as a French finance officer reads it: the cell first, French numbers and quotation marks', () => {
    // Act
    const negative = wordFinding('negative-value', { field: 'core.personnel', year: 2024, sheet: 'Données', cell: 'F7', found: '-1234.5', value: -1234.5 }, 'fr');
    const jump = wordFinding('gdp-jump', { sheet: 'Données', cell: 'D8', year: 2025, previousYear: 2024, change: 30.5, threshold: 25 }, 'fr');
    const unit = wordFinding('unknown-unit', { sheet: 'Budget', cell: 'A2', found: 'lakh' }, 'fr');
    // Assess
    expect(negative).toBe('La cellule Données!F7 (Personnel, 2024) contient un montant négatif (-1\u202f234,5). Attendu\u00a0: un montant positif ou nul.');
    expect(jump).toContain('Le PIB varie de +30,5\u00a0% entre 2024 et 2025 (Données!D8)\u00a0; une variation de plus de 25\u00a0% en un an est inhabituelle.');
    expect(unit.startsWith('L’unité «\u00a0lakh\u00a0» dans Budget!A2 n’est pas reconnue.')).toBe(true);
  });

  it('names allies in French after a noun, as French country names take articles', () => {
    // Act
    const sentence = wordFinding(
      'currency-not-ally',
      { year: 2014, sheet: 'Data', cell: 'C6', ally: 'LTU', found: 'USD', expected: 'LTL or EUR', allyNameFr: 'Lituanie', yearCurrency: 'LTL', todayCurrency: 'EUR' },
      'fr',
    );
    // Assess
    expect(sentence).toBe(
      'Les chiffres pour 2014 (Data!C6) sont en USD, alors que l’Allié Lituanie (LTU) utilisait LTL ou EUR cette année-là. Indiquez les montants en LTL ou EUR, ou déclarez la bonne devise à côté du tableau.',
    );
  });

  it('quotes a sheet name that needs it in the place it gives', () => {
    // Act / Assess
    expect(wordFinding('gdp-missing', { year: 2024, sheet: 'Defence data', cell: 'C9' })).toContain("for 2024 ('Defence data'!C9)");
  });

  it('still makes a sentence for a code it has no wording for', () => {
    // Prepare: only a hand-edited stored receipt can bring one.
    const code = 'odd-thing' as FindingCode;
    // Act / Assess
    expect(wordFinding(code, { year: 2025, sheet: 'Data', cell: 'C3', found: 'x', expected: 'y' })).toBe('odd thing for 2025 (Data!C3): found x; expected y.');
  });
});
