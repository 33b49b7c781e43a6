// Each way the reader could guess silently now ends in a finding naming its sheet and cell:
// a sheet naming another ally, a name spelt with look-alike letters, a separator that may be a
// decimal point, a date among the figures, a year that is not whole, a second table.
import { describe, it, expect } from 'vitest';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import type { ReadResult } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { csvOf, workbookOf, yearsDown } from '../../../helpers/workbooks.ts';
import { withDateCell } from '../helpers/date-cell.ts';
import { ingest } from '../helpers/submissions.ts';

const read = (bytes: Buffer, fileName = 'return.xlsx', expectedAlly: string | null = 'EST') =>
  readSubmission(bytes, fileName, { limits: DEFAULT_LIMITS, expectedAlly });

/** (code, sheet, cell) of every finding but those about numbers outside the table. */
const places = (r: ReadResult) => r.findings.map((f) => [f.code, f.sheet, f.cell]);

const ESTONIA = yearsDown(['Year', 'Status', 'GDP', 'Defence expenditure'], [
  [2024, 'actual', 40_000, 1_370],
  [2025, 'estimate', 41_500, 1_400],
]);

describe('a sheet or title naming another ally', () => {
  it('sets aside a second sheet titled "Latvia" in Estonia\'s workbook, with a warning naming it', async () => {
    // Prepare
    const bytes = await workbookOf([
      { name: 'Estonia', rows: [['Estonia: defence expenditure, EUR million'], [], ...ESTONIA] },
      {
        name: 'Latvia',
        rows: [['Latvia: defence expenditure, EUR million'], [], ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2023, 39_000, 1_200]])],
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.ally).toBe('EST');
    expect(result.drafts.map((d) => [d.ally, d.sheet, d.year])).toEqual([
      ['EST', 'Estonia', 2024],
      ['EST', 'Estonia', 2025],
    ]);
    expect(places(result)).toEqual([['sheet-other-ally', 'Latvia', 'A1']]);
    expect(result.findings[0]).toMatchObject({ severity: 'warning', ally: 'LVA', found: 'LVA', expected: 'EST' });
  });

  it('sets the other ally\'s sheet aside even when Estonia\'s own sheet names no ally, and the upload is accepted', async () => {
    // Prepare: the upload is filed under Estonia; only the second sheet names an ally.
    const bytes = await workbookOf([
      { name: 'Data', rows: ESTONIA },
      { name: 'Läti', rows: [['Country: Latvia'], ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2023, 39_000, 1_200]])] },
    ]);

    // Act
    const { receipt } = await ingest(bytes, 'estonia.xlsx', { expectedAlly: 'EST' });

    // Assess
    expect(receipt.status).toBe('accepted_with_warnings');
    expect(receipt.records.map((r) => [r.ally, r.year])).toEqual([
      ['EST', 2024],
      ['EST', 2025],
    ]);
    expect(receipt.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.sheet, f.cell])).toEqual([['sheet-other-ally', 'Läti', 'A1']]);
  });

  it('rejects a workbook whose only figures are another ally\'s, as before', async () => {
    // Prepare
    const bytes = await workbookOf([{ name: 'Latvia', rows: [['Latvia'], ...ESTONIA] }]);

    // Act
    const { receipt } = await ingest(bytes, 'latvia.xlsx', { expectedAlly: 'EST' });

    // Assess
    expect(receipt.status).toBe('rejected');
    expect(receipt.findings.map((f) => [f.code, f.severity])).toContainEqual(['ally-mismatch', 'error']);
  });
});

describe('an ally name that matches only once look-alike letters are folded', () => {
  it('reads "Lаtvia" with a Cyrillic "а" as Latvia and warns, naming the letter and its position', async () => {
    // Prepare: U+0430 CYRILLIC SMALL LETTER A in place of the Latin "a".
    const bytes = await workbookOf([{ name: 'Data', rows: [['Country:', 'L\u0430tvia'], [], ...ESTONIA] }]);

    // Act
    const result = await read(bytes, 'return.xlsx', 'LVA');

    // Assess
    expect(result.ally).toBe('LVA');
    expect(places(result)).toEqual([['ally-confusable', 'Data', 'B1']]);
    expect(result.findings[0]).toMatchObject({
      severity: 'warning',
      ally: 'LVA',
      found: 'L\u0430tvia',
      params: { char: '\u0430', codePoint: 'U+0430', position: 2, script: 'Cyrillic', latin: 'a', count: 1 },
    });
    expect(result.findings[0]?.message).toContain('Cyrillic letter "а" (U+0430) at position 2');
  });

  it('warns about a Greek capital in a title too', async () => {
    // Prepare: U+0395 GREEK CAPITAL LETTER EPSILON begins "Estonia".
    const bytes = await workbookOf([{ name: 'Data', rows: [['\u0395stonia – defence expenditure'], [], ...ESTONIA] }]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.ally).toBe('EST');
    expect(places(result)).toEqual([['ally-confusable', 'Data', 'A1']]);
    expect(result.findings[0]?.params).toMatchObject({ codePoint: 'U+0395', position: 1, script: 'Greek', latin: 'E' });
  });
});

describe('a separator that could be a decimal point', () => {
  it('reads "39.500" in a semicolon CSV as 39 500, the file\'s convention, and warns', async () => {
    // Prepare: German convention, no decimals anywhere, so no number settles the mark.
    const bytes = csvOf(
      [
        ['Jahr', 'GDP', 'Defence expenditure'],
        ['2024', '39.500', '1.370'],
        ['2025', '41.000', '1.400'],
      ],
      ';',
    );

    // Act
    const result = await read(bytes, 'estland.csv');

    // Assess
    expect(result.drafts.map((d) => [d.gdp, d.core.total])).toEqual([
      [39_500, 1_370],
      [41_000, 1_400],
    ]);
    expect(places(result)).toEqual([['ambiguous-separator', 'estland', 'B2']]);
    expect(result.findings[0]).toMatchObject({ severity: 'warning', found: '39.500', params: { value: 39_500, asDecimal: 39.5, basis: 'delimiter', count: 4 } });
  });

  it('reads "39.500" as 39.5 where nothing says otherwise, and warns', async () => {
    // Prepare: text numbers in a workbook, with no other number to settle the mark.
    const bytes = await workbookOf([{ name: 'Data', rows: yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, '39.500', 1_370]]) }]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => d.gdp)).toEqual([39.5]);
    expect(places(result)).toEqual([['ambiguous-separator', 'Data', 'B2']]);
    expect(result.findings[0]?.params).toMatchObject({ value: 39.5, asThousands: 39_500, basis: 'default' });
  });

  it('says nothing when the table\'s other numbers settle the mark', async () => {
    // Prepare: "1.370,5" shows the comma is the decimal mark, so "39.500" can only be thousands.
    const bytes = csvOf(
      [
        ['Year', 'GDP', 'Defence expenditure'],
        ['2024', '39.500', '1.370,5'],
      ],
      ';',
    );

    // Act
    const result = await read(bytes, 'estonia.csv');

    // Assess
    expect(result.drafts.map((d) => [d.gdp, d.core.total])).toEqual([[39_500, 1_370.5]]);
    expect(result.findings).toEqual([]);
  });
});

describe('a date among the figures', () => {
  it('refuses a date-formatted number in the GDP column rather than read it as a serial number', async () => {
    // Prepare: 45 413 is 1 May 2024 to Excel, shown as a date.
    const bytes = await workbookOf([{ name: 'Data', rows: yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, { value: 45_413, numFmt: 'dd/mm/yyyy' }, 1_370]]) }]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => [d.year, d.gdp, d.core.total])).toEqual([[2024, null, 1_370]]);
    expect(places(result)).toEqual([['date-not-number', 'Data', 'B2']]);
    expect(result.findings[0]).toMatchObject({ severity: 'error', field: 'gdp', year: 2024, found: '2024-05-01' });
  });

  it('refuses a t="d" date cell in the GDP column rather than read it as the number 2024', async () => {
    // Prepare
    const plain = await workbookOf([{ name: 'Data', rows: yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 40_000, 1_370]]) }]);
    const bytes = await withDateCell(plain, 'xl/worksheets/sheet1.xml', 'B2', '2024-05-01T00:00:00');

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => [d.year, d.gdp])).toEqual([[2024, null]]);
    expect(places(result)).toEqual([['date-not-number', 'Data', 'B2']]);
    expect(result.findings[0]).toMatchObject({ severity: 'error', field: 'gdp', found: '2024-05-01' });
  });
});

describe('a year that is not whole', () => {
  it('refuses the row of "2024.5", naming the year cell, and reads the others', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Data',
        rows: yearsDown(['Year', 'GDP', 'Defence expenditure'], [
          [2023, 39_000, 1_200],
          [2024.5, 40_000, 1_370],
          ['2025,5', 41_500, 1_400],
        ]),
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => d.year)).toEqual([2023]);
    expect(places(result)).toEqual([
      ['year-not-whole', 'Data', 'A3'],
      ['year-not-whole', 'Data', 'A4'],
    ]);
    expect(result.findings.map((f) => [f.severity, f.found, f.params?.line])).toEqual([
      ['error', '2024.5', 'row'],
      ['error', '2025,5', 'row'],
    ]);
  });
});

describe('a second table', () => {
  const HEADERS = ['Year', 'GDP', 'Defence expenditure'];

  it('reads a second table below the first when it continues it: the same headers, other years', async () => {
    // Prepare: actuals, then plans under their own header.
    const bytes = await workbookOf([
      {
        name: 'Data',
        rows: [['Actuals'], ...yearsDown(HEADERS, [[2023, 39_000, 1_200], [2024, 40_000, 1_370]]), [], ['Plans'], ...yearsDown(HEADERS, [[2025, 41_500, 1_400], [2026, 43_000, 1_500]])],
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => [d.year, d.core.total])).toEqual([
      [2023, 1_200],
      [2024, 1_370],
      [2025, 1_400],
      [2026, 1_500],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('warns about a second table below whose headers differ, naming its range', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Data',
        rows: [
          ...yearsDown(HEADERS, [[2023, 39_000, 1_200], [2024, 40_000, 1_370]]),
          [],
          ...yearsDown(['Year', 'Security-related expenditure', 'Cyber defence'], [[2025, 300, 80]]),
        ],
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => d.year)).toEqual([2023, 2024]);
    expect(places(result)).toEqual([['second-table', 'Data', 'A5']]);
    expect(result.findings[0]).toMatchObject({ severity: 'warning', params: { reason: 'other-fields', range: 'A5:C6', readSheet: 'Data', readCell: 'A1' } });
    expect(result.findings[0]?.message).toContain('in Data!A5:C6');
  });

  it('warns about a second table beside the first that gives the same years again', async () => {
    // Prepare: in USD beside the national-currency table.
    const bytes = await workbookOf([
      {
        name: 'Data',
        rows: [
          ['Year', 'GDP', 'Defence expenditure', null, 'Year', 'GDP', 'Defence expenditure'],
          [2023, 39_000, 1_200, null, 2023, 42_000, 1_300],
          [2024, 40_000, 1_370, null, 2024, 43_000, 1_480],
        ],
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => [d.year, d.gdp])).toEqual([
      [2023, 39_000],
      [2024, 40_000],
    ]);
    expect(places(result)).toEqual([['second-table', 'Data', 'E1']]);
    expect(result.findings[0]?.params).toMatchObject({ reason: 'overlap', range: 'E1:G3', years: '2023, 2024' });
  });
});
