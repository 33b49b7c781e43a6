import { describe, it, expect } from 'vitest';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import type { ReadResult } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../../../../shared/template/index.ts';
import { csvOf, fillTemplate, placeAt, workbookOf, yearsAcross, yearsDown } from '../../../helpers/workbooks.ts';
import type { CellInput } from '../../../helpers/workbooks.ts';

const read = (bytes: Buffer, fileName = 'figures.xlsx', expectedAlly: string | null = null) =>
  readSubmission(bytes, fileName, { limits: DEFAULT_LIMITS, expectedAlly });

/** (year, gdp, core total) triples: the heart of what a table says. */
const gdpAndCore = (r: ReadResult) => r.drafts.map((d) => [d.year, d.gdp, d.core.total]);

const HEADERS = ['Year', 'GDP', 'Defence expenditure', 'Personnel', 'Equipment'];
const BODY: CellInput[][] = [
  [2023, 1000, 20, 10, 4],
  [2024, 1100, 24, 11, 5],
];

describe('reading foreign tables', () => {
  it('reads years down the rows under a merged title, blank rows, and beside unrelated sheets', async () => {
    // Prepare
    const rows = [['Defence budget overview (EUR million)'], [], ['Prepared by the Ministry of Finance'], [], ...placeAt(yearsDown(HEADERS, BODY), 0, 1)];
    const bytes = await workbookOf([
      { name: 'Cover', rows: [['Read me first'], ['This file has two sheets.']] },
      { name: 'Figures', rows, merges: ['A1:F1'] },
      { name: 'Chart data', rows: [['Label', 'Value'], ['a', 1], ['b', 2]] },
    ]);

    // Act
    const result = await read(bytes);

    // Assess: the chart's numbers are named as not read, the table's are read.
    expect(result.findings.map((f) => [f.severity, f.code, f.sheet, f.cell, f.params?.label])).toEqual([
      ['info', 'unread-outside-table', 'Chart data', 'B2', 'a'],
      ['info', 'unread-outside-table', 'Chart data', 'B3', 'b'],
    ]);
    expect(result.layout).toBe('years-down');
    expect(gdpAndCore(result)).toEqual([
      [2023, 1000, 20],
      [2024, 1100, 24],
    ]);
    expect(result.drafts[1]).toMatchObject({ sheet: 'Figures', sourceCurrency: 'EUR', core: { personnel: 11, equipment: 5 } });
    expect(result.drafts[1]?.cells).toEqual({ year: 'B7', gdp: 'C7', 'core.total': 'D7', 'core.personnel': 'E7', 'core.equipment': 'F7' });
  });

  it('reads years across the columns, with the unit in each row label', async () => {
    // Prepare
    const across = yearsAcross(['', 'GDP (EUR bn)', 'Defence expenditure (EUR m)', 'Cyber defence (EUR m)'], [
      [2022, 1.5, 30, 2],
      [2023, 1.6, 32.5, 2.5],
    ]);
    const bytes = await workbookOf([{ name: 'Sheet1', rows: [['Country: Belgium'], [], ...across] }]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.layout).toBe('years-across');
    expect(result.ally).toBe('BEL');
    expect(result.drafts.map((d) => [d.year, d.gdp, d.core.total, d.security.cyber])).toEqual([
      [2022, 1500, 30, 2],
      [2023, 1600, 32.5, 2.5],
    ]);
    expect(result.drafts[0]?.cells).toEqual({ year: 'B3', gdp: 'B4', 'core.total': 'B5', 'security.cyber': 'B6' });
  });

  it('reads French headers, French status words and a "en milliers" declaration', async () => {
    // Prepare
    const table = yearsDown(
      ['Année', 'Statut', 'PIB', 'Dépenses de défense', 'Équipements majeurs', 'Fonctionnement et entretien', 'Cyberdéfense', 'Mobilité militaire'],
      [
        [2024, 'Réalisé', 2_900_000_000, 59_000_000, 12_000_000, 20_000_000, 500_000, 250_000],
        [2025, 'Exécuté', 2_950_000_000, 61_000_000, null, null, null, null],
        [2026, 'Programmation', 3_000_000_000, 65_000_000, null, null, null, null],
      ],
    );
    const bytes = await workbookOf([{ name: 'Feuil1', rows: [['Pays : France'], ['Montants en milliers d’euros'], [], ...table] }]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.ally).toBe('FRA');
    expect(result.drafts.map((d) => [d.year, d.status, d.sourceCurrency, d.gdp, d.core.total])).toEqual([
      [2024, 'actual', 'EUR', 2_900_000, 59_000],
      [2025, 'actual', 'EUR', 2_950_000, 61_000],
      [2026, 'plan', 'EUR', 3_000_000, 65_000],
    ]);
    expect(result.drafts[0]).toMatchObject({ core: { equipment: 12_000, operations: 20_000 }, security: { cyber: 500, militaryMobility: 250 } });
  });

  it.each([
    ['Units: thousands', 1234.5, 1.2345],
    ['Unités : milliers', 1234.5, 1.2345],
    ['EUR million', 1234.5, 1234.5],
    ['(in billions of euros)', 1.25, 1250],
    ['bn', 2.5, 2500],
    ['en milliards', 3, 3000],
    ['millions d’euros', 42, 42],
    ['Amounts in units', 7_500_000, 7.5],
  ])('scales amounts declared with "%s" to millions', async (declaration, given, millions) => {
    // Prepare
    const bytes = await workbookOf([{ name: 'S', rows: [[declaration], ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, given, given]])] }]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.findings).toEqual([]);
    expect(gdpAndCore(result)).toEqual([[2024, millions, millions]]);
  });

  it('reads numbers written as text in either decimal convention, with any kind of space', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'S',
        rows: yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel'], [
          [2021, '1 234,5', '12,5', '1\u00a0000'],
          [2022, '1,234.5', '12.5', '1\u202f000,25'],
          [2023, '1.234,5', ' 7 ', '2\u2009500'],
        ]),
      },
    ]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.gdp, d.core.total, d.core.personnel])).toEqual([
      [1234.5, 12.5, 1000],
      [1234.5, 12.5, 1000.25],
      [1234.5, 7, 2500],
    ]);
  });

  it('treats "..", "n/a", "N/A", "-", "–", "nd", "s.o." and blanks as missing, never as zero', async () => {
    // Prepare
    const markers = ['..', 'n/a', 'N/A', '-', '–', 'nd', 's.o.', ''];
    const bytes = await workbookOf([
      { name: 'S', rows: yearsDown(['Year', 'GDP', 'Defence expenditure'], markers.map((m, i) => [2010 + i, 100, m])) },
    ]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => d.core.total)).toEqual(markers.map(() => null));
    expect(result.drafts.every((d) => d.gdp === 100)).toBe(true);
  });

  it('reads formulas by their cached results', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'S',
        rows: yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel', 'Equipment'], [
          [2024, 500, { formula: 'E2+F2', result: 30 }, 18, 12],
        ]),
      },
    ]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts[0]?.core).toEqual({ total: 30, personnel: 18, equipment: 12 });
  });

  it('turns shares of GDP into amounts with the year’s GDP: "% of GDP" columns, "12.3 %" text and percent-formatted cells', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'S',
        rows: yearsDown(['Year', 'GDP (EUR bn)', 'Defence expenditure (% of GDP)', 'Cyber', 'Military mobility'], [
          [2024, 2, 2.5, '0.5 %', { value: 0.001, numFmt: '0.0%' }],
        ]),
      },
    ]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.findings).toEqual([]);
    const d = result.drafts[0];
    expect([d?.gdp, d?.core.total, d?.security.cyber, d?.security.militaryMobility]).toEqual([
      2000,
      (2.5 / 100) * 2000,
      (0.5 / 100) * 2000,
      ((0.001 * 100) / 100) * 2000,
    ]);
  });

  it('prefers an amount column over a "% du PIB" column for the same field', async () => {
    // Prepare
    const bytes = await workbookOf([
      { name: 'S', rows: yearsDown(['Année', 'PIB', 'Dépenses de défense en % du PIB', 'Dépenses de défense'], [[2024, 1000, 2, 21]]) },
    ]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'FRA');

    // Assess
    expect(result.drafts[0]?.core.total).toBe(21);
    expect(result.drafts[0]?.cells['core.total']).toBe('D2');
  });

  it.each([
    ['Country: TUR', 'TUR'],
    ['Country: Türkiye', 'TUR'],
    ['Pays : Turquie', 'TUR'],
    ['Country: Turkey', 'TUR'],
    ['Ally: Czech Republic', 'CZE'],
    ['Nation: FYROM', 'MKD'],
    ['Pays : Macédoine du Nord', 'MKD'],
  ])('finds the ally named in "%s"', async (label, iso3) => {
    // Prepare
    const bytes = await workbookOf([{ name: 'Sheet1', rows: [[label], ...yearsDown(HEADERS, BODY)] }]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.ally).toBe(iso3);
    expect(result.drafts.map((d) => d.ally)).toEqual([iso3, iso3]);
  });

  it('finds the ally in a title, or failing that in the sheet name', async () => {
    // Prepare
    const titled = await workbookOf([{ name: 'Sheet1', rows: [['Czech Republic – defence expenditure 2023-2024 (CZK million)'], ...yearsDown(HEADERS, BODY)] }]);
    const named = await workbookOf([{ name: 'Norway', rows: yearsDown(HEADERS, BODY) }]);

    // Act
    const fromTitle = await read(titled);
    const fromSheet = await read(named);

    // Assess
    expect([fromTitle.ally, fromTitle.drafts[0]?.sourceCurrency, fromTitle.drafts[0]?.currency]).toEqual(['CZE', 'CZK', 'CZK']);
    expect([fromSheet.ally, fromSheet.drafts[0]?.currency]).toEqual(['NOR', 'NOK']);
  });

  it('does not take the ally from a footnote below the table', async () => {
    // Prepare
    const bytes = await workbookOf([
      { name: 'Belgium', rows: [...yearsDown(HEADERS, BODY), [], ['Equipment figures as agreed with Germany and the Netherlands.']] },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.ally).toBe('BEL');
  });

  it('reads a units column between the row labels and the years', async () => {
    // Prepare
    const rows: CellInput[][] = [
      ['Indicator', 'Unit', 2023, 2024],
      ['GDP', 'EUR bn', 1.2, 1.3],
      ['Defence expenditure', 'EUR m', 20, 26],
      ['Equipment', '% of GDP', 0.5, 0.6],
    ];
    const bytes = await workbookOf([{ name: 'S', rows }]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.year, d.gdp, d.core.total, d.core.equipment])).toEqual([
      [2023, 1200, 20, (0.5 / 100) * 1200],
      [2024, 1300, 26, (0.6 / 100) * 1300],
    ]);
  });

  it('converts a Bulgarian table in millions of leva to euros, keeping BGN as the source currency', async () => {
    // Prepare
    const bytes = await workbookOf([
      { name: 'Bulgaria', rows: [['Defence expenditure, millions of leva'], ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 195_583, 3_911.66]])] },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => [d.ally, d.currency, d.sourceCurrency, d.gdp, d.core.total])).toEqual([
      ['BGR', 'EUR', 'BGN', 195_583 / 1.95583, 3_911.66 / 1.95583],
    ]);
  });

  it('uses the ally the upload is filed under for the currency when the workbook names none', async () => {
    // Prepare
    const bytes = await workbookOf([{ name: 'Sheet1', rows: [['BGN million'], ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2020, 1_000, 30]])] }]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BGR');

    // Assess
    expect(result.ally).toBeNull();
    expect(result.drafts.map((d) => [d.ally, d.currency, d.sourceCurrency, d.gdp, d.core.total])).toEqual([[null, 'EUR', 'BGN', 1_000 / 1.95583, 30 / 1.95583]]);
  });

  it('converts old lira to today’s lira at the 2005 redenomination rate', async () => {
    // Prepare
    const bytes = await workbookOf([
      { name: 'Türkiye', rows: [['Units: TRL billion'], ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2004, 430_511_000, 8_536_000]])] },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.drafts.map((d) => [d.ally, d.currency, d.sourceCurrency, d.gdp, d.core.total])).toEqual([
      ['TUR', 'TRY', 'TRL', (430_511_000 * 1000) / 1_000_000, (8_536_000 * 1000) / 1_000_000],
    ]);
  });

  it('reads "2024e" as an estimate and status words in either language', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'S',
        rows: yearsDown(['Year', 'Status', 'GDP', 'Defence expenditure'], [
          [2023, 'Outturn', 10, 1],
          ['2024e', null, 10, 1],
          [2025, 'Budget', 10, 1],
          [2026, 'Prévision', 10, 1],
        ]),
      },
    ]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.drafts.map((d) => [d.year, d.status])).toEqual([
      [2023, 'actual'],
      [2024, 'estimate'],
      [2025, 'plan'],
      [2026, 'estimate'],
    ]);
  });

  it('tells "Other" and "Total" of the core block from those of the security block by their banners', async () => {
    // Prepare
    const rows: CellInput[][] = [
      [null, null, 'Core defence', null, null, 'Security-related', null, null],
      ['Year', 'GDP', 'Total', 'Personnel', 'Other', 'Total', 'Cyber', 'Other'],
      [2024, 1000, 30, 20, 10, 6, 4, 2],
    ];
    const bytes = await workbookOf([{ name: 'S', rows, merges: ['C1:E1', 'F1:H1'] }]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.drafts[0]?.core).toEqual({ total: 30, personnel: 20, other: 10 });
    expect(result.drafts[0]?.security).toEqual({ total: 6, cyber: 4, other: 2 });
  });

  it('applies a status merged down several year rows to each of them, and reads a merged amount once', async () => {
    // Prepare
    const rows: CellInput[][] = [
      ['Year', 'Status', 'GDP', 'Defence expenditure'],
      [2024, 'actual', 100, 2],
      [2025, 'plan', 110, 3],
      [2026, null, 120, null],
      [2027, null, 130, 4],
    ];
    const bytes = await workbookOf([{ name: 'S', rows, merges: ['B3:B5', 'D3:D4'] }]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.drafts.map((d) => [d.year, d.status, d.core.total])).toEqual([
      [2024, 'actual', 2],
      [2025, 'plan', 3],
      [2026, 'plan', null],
      [2027, 'plan', 4],
    ]);
  });

  it('still reads a template whose marker sheet was removed, as an ordinary table', async () => {
    // Prepare
    const template = await buildTemplate({ ally: 'NLD', from: 2024, to: 2025, lang: 'en' });
    const filled = await fillTemplate(template, { 2024: { status: 'actual', gdp: 1_000_000, 'core.total': 20_500, 'security.total': 1_000, 'security.cyber': 1_000 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(filled as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet('_meta')?.id ?? -1);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.findings).toEqual([]);
    expect([result.layout, result.ally]).toEqual(['years-down', 'NLD']);
    expect(result.drafts.map((d) => [d.year, d.status, d.gdp, d.core.total, d.security.total, d.security.cyber, d.cells['security.total']])).toEqual([
      [2024, 'actual', 1_000_000, 20_500, 1_000, 1_000, 'K6'],
    ]);
  });

  it('reads a two-row header whose Year and GDP cells are merged down beside banners over the breakdowns', async () => {
    // Prepare
    const rows: CellInput[][] = [
      ['Year', 'GDP', 'Core defence expenditure', null, null, 'Security-related', null],
      [null, null, 'Total', 'Personnel', 'Other', 'Total', 'Cyber'],
      [2024, 1000, 30, 20, 10, 6, 4],
    ];
    const bytes = await workbookOf([{ name: 'S', rows, merges: ['A1:A2', 'B1:B2', 'C1:E1', 'F1:G1'] }]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.year, d.gdp, d.core, d.security])).toEqual([
      [2024, 1000, { total: 30, personnel: 20, other: 10 }, { total: 6, cyber: 4 }],
    ]);
  });

  it('reads years from a second sheet only where the first sheet lacks them', async () => {
    // Prepare
    const bytes = await workbookOf([
      { name: 'Actuals', rows: yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel'], [[2023, 100, 2, 1], [2024, 110, 2.2, 1.1]]) },
      { name: 'Plans', rows: yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2025, 120, 3], [2026, 130, 4]]) },
      { name: 'Copy', rows: yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 999, 99]]) },
    ]);

    // Act
    const result = await read(bytes, 'figures.xlsx', 'BEL');

    // Assess
    expect(result.drafts.map((d) => [d.sheet, d.year, d.gdp])).toEqual([
      ['Actuals', 2023, 100],
      ['Actuals', 2024, 110],
      ['Plans', 2025, 120],
      ['Plans', 2026, 130],
    ]);
  });
});

describe('reading CSV', () => {
  it('reads a comma-separated file with a BOM and quoted thousands', async () => {
    // Prepare
    const bytes = csvOf(
      [
        ['Country: Canada'],
        ['Year', 'GDP (CAD million)', 'Defence expenditure', 'Status'],
        [2024, '3,100,000.5', '41,000', 'actual'],
        [2025, '3,200,000', '45,000.25', 'estimate'],
      ],
      ',',
      true,
    );

    // Act
    const result = await read(bytes, 'canada.csv');

    // Assess
    expect(result.layout).toBe('csv');
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.ally, d.sheet, d.year, d.status, d.currency, d.gdp, d.core.total])).toEqual([
      ['CAN', 'canada', 2024, 'actual', 'CAD', 3_100_000.5, 41_000],
      ['CAN', 'canada', 2025, 'estimate', 'CAD', 3_200_000, 45_000.25],
    ]);
    expect(result.drafts[0]?.cells).toEqual({ year: 'A3', gdp: 'B3', 'core.total': 'C3', status: 'D3' });
  });

  it('reads a semicolon-separated file with decimal commas', async () => {
    // Prepare
    const bytes = csvOf(
      [
        ['Pays : Belgique'],
        ['Unité : millions d’euros'],
        ['Année', 'PIB', 'Dépenses de défense', 'Personnel'],
        [2024, '614 237,5', '8 121,3', '3 900,1'],
      ],
      ';',
    );

    // Act
    const result = await read(bytes, 'belgique.csv');

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.ally, d.gdp, d.core.total, d.core.personnel])).toEqual([['BEL', 614_237.5, 8_121.3, 3_900.1]]);
  });

  it('reads years across in a CSV file', async () => {
    // Prepare
    const bytes = csvOf([
      ['', '2023', '2024'],
      ['GDP', '100', '110'],
      ['Defence expenditure', '2', '2.5'],
    ]);

    // Act
    const result = await read(bytes, 'across.csv', 'BEL');

    // Assess
    expect(result.layout).toBe('csv');
    expect(gdpAndCore(result)).toEqual([
      [2023, 100, 2],
      [2024, 110, 2.5],
    ]);
  });
});
