// Files saved by LibreOffice rather than exceljs: different XML, shared strings, styles and
// cached formula results, as a finance office's spreadsheet program would write them.
import { describe, it, expect, afterAll } from 'vitest';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { buildTemplate } from '../../../../shared/template/index.ts';
import { convertWithLibreOffice, csvOf, fillTemplate, releaseLibreOffice, workbookOf, yearsAcross } from '../../../helpers/workbooks.ts';

const read = (bytes: Buffer, expectedAlly: string | null = null) =>
  readSubmission(bytes, 'saved-by-libreoffice.xlsx', { limits: DEFAULT_LIMITS, expectedAlly });

const SLOW = 240_000;

afterAll(releaseLibreOffice);

describe('reading workbooks saved by LibreOffice', () => {
  it(
    'reads a filled-in template after LibreOffice saved it, to the same values and with no findings',
    async () => {
      // Prepare
      const template = await buildTemplate({ ally: 'EST', from: 2010, to: 2012, lang: 'en' });
      const filled = await fillTemplate(template, {
        2010: { status: 'actual', gdp: 229_070, 'core.total': 3_934.9, 'core.personnel': 1_500 },
        2011: { status: 'actual', gdp: 16_668.6, 'core.total': 280.5, notes: 'First year in euro' },
      });

      // Act
      const result = await read(convertWithLibreOffice(filled, 'xlsx'));

      // Assess
      expect(result.findings).toEqual([]);
      expect(result.layout).toBe('template');
      expect(result.drafts.map((d) => [d.year, d.status, d.currency, d.sourceCurrency, d.gdp, d.core.total, d.core.personnel, d.notes])).toEqual([
        [2010, 'actual', 'EUR', 'EEK', 229_070 / 15.6466, 3_934.9 / 15.6466, 1_500 / 15.6466, undefined],
        [2011, 'actual', 'EUR', 'EUR', 16_668.6, 280.5, undefined, 'First year in euro'],
      ]);
    },
    SLOW,
  );

  it(
    'reads formulas LibreOffice calculated, where the exceljs original had no cached results',
    async () => {
      // Prepare
      const original = await workbookOf([
        {
          name: 'Tabelle',
          rows: [
            ['Country: Germany', null, null],
            ['EUR million', null, null],
            ...yearsAcross(['Year', 'GDP', 'Personnel', 'Equipment', 'Defence expenditure'], [
              [2023, 4_100_000, 30_000, 12_000, { formula: 'B5+B6' }],
              [2024, 4_300_000, 32_000, 18_500.5, { formula: 'C5+C6' }],
            ]),
          ],
        },
      ]);
      const before = await read(original);

      // Act
      const after = await read(convertWithLibreOffice(original, 'xlsx'));

      // Assess
      expect(before.findings.map((f) => [f.code, f.cell])).toEqual([
        ['formula-without-value', 'B7'],
        ['formula-without-value', 'C7'],
      ]);
      expect(after.findings).toEqual([]);
      expect(after.drafts.map((d) => [d.ally, d.year, d.gdp, d.core.total])).toEqual([
        ['DEU', 2023, 4_100_000, 42_000],
        ['DEU', 2024, 4_300_000, 50_500.5],
      ]);
    },
    SLOW,
  );

  it(
    'reads a semicolon CSV that LibreOffice turned into a workbook',
    async () => {
      // Prepare
      const csv = csvOf(
        [
          ['Pays : Pologne'],
          ['Montants en millions de PLN'],
          ['Année', 'PIB', 'Dépenses de défense', 'Statut'],
          ['2024', '3 600 000,5', '148 000,25', 'réalisé'],
          ['2025e', '3 850 000', '186 600', ''],
        ],
        ';',
      );

      // Act
      const result = await read(convertWithLibreOffice(csv, 'csv', ';'));

      // Assess
      expect(result.findings).toEqual([]);
      expect(result.drafts.map((d) => [d.ally, d.year, d.status, d.currency, d.gdp, d.core.total])).toEqual([
        ['POL', 2024, 'actual', 'PLN', 3_600_000.5, 148_000.25],
        ['POL', 2025, 'estimate', 'PLN', 3_850_000, 186_600],
      ]);
    },
    SLOW,
  );
});
