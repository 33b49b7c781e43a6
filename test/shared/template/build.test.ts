import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { allyByIso3 } from '../../../shared/reference/index.ts';
import { FIELDS, TEMPLATE_FIELDS, parseMetaRows } from '../../../shared/submission/index.ts';
import { InvalidYearsError, UnknownAllyError, buildTemplate } from '../../../shared/template/index.ts';

const load = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

describe('the submission template', () => {
  it('has an instructions sheet, a data sheet and a hidden marker naming the ally, years and input columns', async () => {
    // Act
    const wb = await load(await buildTemplate({ ally: 'DNK', from: 2014, to: 2035, lang: 'en' }));

    // Assess
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Instructions', 'visible'],
      ['Data', 'visible'],
      ['_meta', 'veryHidden'],
    ]);
    const rows: [string, string][] = [];
    sheet(wb, '_meta').eachRow((r) => rows.push([String(r.getCell(1).value), String(r.getCell(2).value)]));
    expect(parseMetaRows(rows)).toEqual({
      template: 'dualtrack-submission',
      version: 1,
      ally: 'DNK',
      lang: 'en',
      from: 2014,
      to: 2035,
      sheet: 'Data',
      headerRow: 5,
      columns: {
        year: 'A',
        status: 'B',
        currency: 'C',
        gdp: 'D',
        'core.total': 'E',
        'core.personnel': 'F',
        'core.equipment': 'G',
        'core.infrastructure': 'H',
        'core.operations': 'I',
        'core.other': 'J',
        'security.total': 'K',
        'security.criticalInfrastructure': 'L',
        'security.cyber': 'M',
        'security.civilPreparedness': 'N',
        'security.innovation': 'O',
        'security.industrialBase': 'P',
        'security.militaryMobility': 'Q',
        'security.other': 'R',
        notes: 'S',
      },
    });
  });

  it('pre-fills one row per year with the currency of that year, and names the ally', async () => {
    // Act
    const ws = sheet(await load(await buildTemplate({ ally: 'LTU', from: 2013, to: 2016, lang: 'en' })), 'Data');

    // Assess
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('C2').value]).toEqual(['Ally', 'Lithuania', 'LTU']);
    expect([6, 7, 8, 9, 10].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`C${r}`).value ?? null])).toEqual([
      [2013, 'LTL'],
      [2014, 'LTL'],
      [2015, 'EUR'],
      [2016, 'EUR'],
      [null, null],
    ]);
  });

  it.each([
    ['en' as const, 'EUR million'],
    ['fr' as const, 'millions EUR'],
  ])('labels the columns in %s from the canonical fields, with the unit in amount headers', async (lang, unit) => {
    // Act
    const ws = sheet(await load(await buildTemplate({ ally: 'PRT', from: 2024, to: 2025, lang })), lang === 'en' ? 'Data' : 'Données');

    // Assess
    const headers = TEMPLATE_FIELDS.map((_, i) => ws.getCell(5, i + 1).value);
    expect(headers).toEqual(TEMPLATE_FIELDS.map((f) => (FIELDS[f].kind === 'amount' ? `${FIELDS[f].label[lang]} (${unit})` : FIELDS[f].label[lang])));
  });

  it('validates inputs: a status list, and amounts that refuse negatives and text with a stop message', async () => {
    // Act
    const ws = sheet(await load(await buildTemplate({ ally: 'BEL', from: 2024, to: 2025, lang: 'en' })), 'Data');

    // Assess
    expect(ws.getCell('B6').dataValidation).toMatchObject({ type: 'list', formulae: ['"actual,estimate,plan"'], showErrorMessage: true, errorStyle: 'stop' });
    for (const column of ['D', 'E', 'J', 'K', 'R']) {
      expect(ws.getCell(`${column}7`).dataValidation).toMatchObject({
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        error: expect.stringContaining('zero or more'),
      });
    }
  });

  it('shows an input message on every column, inputs and computed alike', async () => {
    // Act
    const ws = sheet(await load(await buildTemplate({ ally: 'BEL', from: 2024, to: 2024, lang: 'fr' })), 'Données');

    // Assess
    const columns = TEMPLATE_FIELDS.length + 5;
    const missing = Array.from({ length: columns }, (_, i) => i + 1).filter((c) => {
      const v = ws.getCell(6, c).dataValidation;
      return !v?.showInputMessage || !v.prompt;
    });
    expect(missing).toEqual([]);
  });

  it('computes totals and shares of GDP with formulas in locked cells of a protected sheet; inputs stay unlocked', async () => {
    // Act
    const ws = sheet(await load(await buildTemplate({ ally: 'BEL', from: 2024, to: 2024, lang: 'en' })), 'Data');

    // Assess
    expect(['T', 'U', 'V', 'W', 'X'].map((c) => (ws.getCell(`${c}6`).value as ExcelJS.CellFormulaValue).formula)).toEqual([
      'IF(COUNT(F6:J6)=0,"",SUM(F6:J6))',
      'IF(COUNT(L6:R6)=0,"",SUM(L6:R6))',
      'IF(AND(ISNUMBER(D6),ISNUMBER(E6),N(D6)>0),E6/D6,"")',
      'IF(AND(ISNUMBER(D6),ISNUMBER(K6),N(D6)>0),K6/D6,"")',
      'IF(AND(ISNUMBER(V6),ISNUMBER(W6)),V6+W6,"")',
    ]);
    expect(['T', 'X', 'A'].map((c) => ws.getCell(`${c}6`).protection?.locked ?? true)).toEqual([true, true, true]);
    expect(['B', 'C', 'D', 'R', 'S'].map((c) => ws.getCell(`${c}6`).protection?.locked)).toEqual([false, false, false, false, false]);
    // exceljs keeps the protection it read on the worksheet, though its typings do not declare it.
    expect((ws as unknown as { sheetProtection?: unknown }).sheetProtection).toMatchObject({ sheet: true });
  });

  it('freezes the header rows and the year column', async () => {
    // Act
    const ws = sheet(await load(await buildTemplate({ ally: 'BEL', from: 2024, to: 2024 })), 'Data');

    // Assess
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 5 });
  });

  it('quotes the targets of the rules it is given in the instructions', async () => {
    // Prepare
    const rules = { ...HAGUE_2025, targetYear: 2040, tracks: { ...HAGUE_2025.tracks, core: { target: 4 } } };

    // Act
    const ws = sheet(await load(await buildTemplate({ ally: 'BEL', from: 2024, to: 2024, rules })), 'Instructions');

    // Assess
    const text: string[] = [];
    ws.eachRow((r) => text.push(String(r.getCell(1).value)));
    expect(text.join('\n')).toContain('at least 4% of GDP by 2040');
  });

  it('accepts an ally record as well as an ISO3 code', async () => {
    // Prepare
    const ally = allyByIso3('ISL');
    if (!ally) throw new Error('ISL missing from reference data');

    // Act
    const ws = sheet(await load(await buildTemplate({ ally, from: 2024, to: 2024 })), 'Data');

    // Assess
    expect([ws.getCell('B2').value, ws.getCell('C6').value]).toEqual(['Iceland', 'ISK']);
  });

  it('refuses an unknown ally and impossible years', async () => {
    // Act / Assess
    await expect(buildTemplate({ ally: 'XYZ' })).rejects.toBeInstanceOf(UnknownAllyError);
    await expect(buildTemplate({ ally: 'BEL', from: 2030, to: 2020 })).rejects.toBeInstanceOf(InvalidYearsError);
    await expect(buildTemplate({ ally: 'BEL', from: 1800, to: 2020 })).rejects.toBeInstanceOf(InvalidYearsError);
  });
});
