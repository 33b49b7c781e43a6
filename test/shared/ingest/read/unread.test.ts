import { afterAll, describe, it, expect } from 'vitest';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import type { ReadResult } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { buildTemplate } from '../../../../shared/template/index.ts';
import { convertWithLibreOffice, csvOf, fillTemplate, placeAt, releaseLibreOffice, workbookOf, yearsAcross, yearsDown } from '../../../helpers/workbooks.ts';
import { consistentYears } from '../helpers/submissions.ts';

afterAll(releaseLibreOffice);

const read = (bytes: Buffer, fileName = 'return.xlsx') => readSubmission(bytes, fileName, { limits: DEFAULT_LIMITS, expectedAlly: 'DEU' });

/** What a submitter is told was not read: (severity, code, sheet, cell, label, reason). */
const unread = (r: ReadResult) =>
  r.findings
    .filter((f) => f.code === 'unread-in-table' || f.code === 'unread-outside-table')
    .map((f) => [f.severity, f.code, f.sheet, f.cell, f.params?.label, f.params?.reason ?? null]);

const figures = (r: ReadResult) => r.drafts.map((d) => [d.year, d.gdp, d.core.total, d.core.personnel ?? null]);

describe('figures the reader sees but does not read', () => {
  it('warns about a labelled column of the table it does not know, naming its header', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Haushalt',
        rows: yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel', 'Pensions paid by the Treasury'], [
          [2023, 4_100_000, 68_000, 20_000, 9_000],
          [2024, 4_300_000, 90_000, 22_000, 9_500],
        ]),
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(figures(result)).toEqual([
      [2023, 4_100_000, 68_000, 20_000],
      [2024, 4_300_000, 90_000, 22_000],
    ]);
    expect(unread(result)).toEqual([['warning', 'unread-in-table', 'Haushalt', 'E1', 'Pensions paid by the Treasury', 'unknown']]);
    expect(result.findings[0]?.params?.line).toBe('column');
  });

  it('warns about a labelled row of a years-across table it does not know', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Return',
        rows: [
          ['Germany, EUR million'],
          ...yearsAcross(['Year', 'GDP', 'Defence expenditure', 'Memo: military pensions'], [
            [2023, 4_100_000, 68_000, 9_000],
            [2024, 4_300_000, 90_000, 9_500],
          ]),
        ],
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(unread(result)).toEqual([['warning', 'unread-in-table', 'Return', 'A5', 'Memo: military pensions', 'unknown']]);
    expect(result.findings[0]?.params?.line).toBe('row');
  });

  it('warns about a second column for a figure already read, naming where it is read from', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Data',
        rows: yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel', 'Personnel'], [[2024, 4_300_000, 90_000, 22_000, 23_000]]),
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(figures(result)).toEqual([[2024, 4_300_000, 90_000, 22_000]]);
    expect(unread(result)).toEqual([['warning', 'unread-in-table', 'Data', 'E1', 'Personnel', 'duplicate']]);
    expect(result.findings[0]).toMatchObject({ field: 'core.personnel', params: { readFrom: 'Data!D1' } });
  });

  it('warns about a "Total" row under the years, which has no year of its own', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Data',
        rows: [
          ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [
            [2023, 4_100_000, 68_000],
            [2024, 4_300_000, 90_000],
          ]),
          ['Total 2023-2024', 8_400_000, 158_000],
        ],
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(unread(result)).toEqual([['warning', 'unread-in-table', 'Data', 'A4', 'Total 2023-2024', 'no-year']]);
  });

  it('tells, as an info, about numbers elsewhere on the sheet and on sheets with no table', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Data',
        rows: [
          ['Exchange rate used', 1.95583],
          [],
          ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 4_300_000, 90_000]]),
          [],
          [],
          ['Staff (full-time equivalents)', null, 181_000],
        ],
      },
      { name: 'Chart', rows: [['Label', 'Share'], ['Core', 2.1]] },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(figures(result)).toEqual([[2024, 4_300_000, 90_000, null]]);
    expect(unread(result)).toEqual([
      ['info', 'unread-outside-table', 'Data', 'B1', 'Exchange rate used', null],
      ['info', 'unread-outside-table', 'Data', 'C7', 'Staff (full-time equivalents)', null],
      ['info', 'unread-outside-table', 'Chart', 'B2', 'Core', null],
    ]);
  });

  it('names five rows of numbers outside the table one by one and counts the rest', async () => {
    // Prepare
    const notes = Array.from({ length: 8 }, (_, i) => [`Note ${i + 1}`, i + 1]);
    const bytes = await workbookOf([{ name: 'Data', rows: [...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 4_300_000, 90_000]]), [], ...notes] }]);

    // Act
    const result = await read(bytes);

    // Assess
    const outside = result.findings.filter((f) => f.code === 'unread-outside-table');
    expect(outside.map((f) => [f.cell, f.params?.more ?? null])).toEqual([
      ['B4', null],
      ['B5', null],
      ['B6', null],
      ['B7', null],
      ['B8', 3],
    ]);
  });

  it('says nothing about columns it computes itself: shares of GDP beside the amounts, sums and checks', async () => {
    // Prepare
    const bytes = csvOf(
      [
        ['Year', 'GDP', 'Defence expenditure', 'Defence expenditure (% of GDP)', 'Personnel', 'Equipment', 'Sum of parts', 'Check'],
        ['2023', '4100000', '68000', '1.66', '20000', '48000', '68000', '0'],
        ['2024', '4300000', '90000', '2.09', '22000', '68000', '90000', '0'],
      ],
      ',',
    );

    // Act
    const result = await read(bytes, 'return.csv');

    // Assess
    expect(result.findings).toEqual([]);
    expect(figures(result)).toEqual([
      [2023, 4_100_000, 68_000, 20_000],
      [2024, 4_300_000, 90_000, 22_000],
    ]);
  });

  it('reads the template, round-tripped through LibreOffice so its grey columns have values, without a word about them', async () => {
    // Prepare
    const filled = await fillTemplate(await buildTemplate({ ally: 'DEU', from: 2024, to: 2027, lang: 'fr' }), consistentYears());
    const saved = convertWithLibreOffice(filled, 'xlsx');

    // Act
    const result = await read(saved);

    // Assess
    expect(result.layout).toBe('template');
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => d.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it('still reads a table placed away from the top-left corner, and names only what it did not read', async () => {
    // Prepare
    const table = placeAt(
      yearsDown(['Year', 'GDP', 'Defence expenditure', 'Reserve fund'], [
        [2023, 4_100_000, 68_000, 1_000],
        [2024, 4_300_000, 90_000, 1_200],
      ]),
      3,
      2,
    );
    const bytes = await workbookOf([{ name: 'Data', rows: [['Germany'], ...table.slice(1)] }]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(figures(result).map((f) => f[0])).toEqual([2023, 2024]);
    expect(unread(result)).toEqual([['warning', 'unread-in-table', 'Data', 'F4', 'Reserve fund', 'unknown']]);
  });
});
