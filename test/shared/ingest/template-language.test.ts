// A file made from the French template is answered in French: the receipt records the
// template's language, the annotated copy and the notification word the findings in it, and the
// stored findings stay English (any receipt can be worded again).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { receiptNotification } from '../../../shared/portal/index.ts';
import { buildTemplate } from '../../../shared/template/index.ts';
import { fillTemplate } from '../../helpers/workbooks.ts';
import { consistentYear, consistentYears, ingest, TEMPLATE_FROM } from './helpers/submissions.ts';

const templateIn = async (lang: 'en' | 'fr'): Promise<Buffer> =>
  fillTemplate(await buildTemplate({ ally: 'FRA', from: TEMPLATE_FROM, to: 2027, lang }), {
    ...consistentYears(),
    2027: { ...consistentYear(2027, 'plan'), 'core.total': -5 },
  });

describe('the language of the template a file came from', () => {
  it('words the annotated copy and the notification in French for the French template', async () => {
    // Act
    const { receipt, annotated } = await ingest(await templateIn('fr'), 'france.xlsx');

    // Assess: stored in English, marked as French.
    expect(receipt.lang).toBe('fr');
    const negative = receipt.findings.find((f) => f.code === 'negative-value');
    expect(negative?.message).toMatch(/negative/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated! as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Accusé de réception');
    expect(sheet.getRow(2).getCell(2).value).toBe('refusée');
    const texts = sheet.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('erreur');
    expect(texts.some((t) => /montant négatif/.test(t))).toBe(true);
    const note = receiptNotification(receipt, { pageUrl: null });
    expect(note.text).toMatch(/montant négatif/);
  });

  it('keeps English for the English template, and records its language', async () => {
    // Act
    const { receipt, annotated } = await ingest(await templateIn('en'), 'france.xlsx');

    // Assess
    expect(receipt.lang).toBe('en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated! as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('Receipt');
    expect(receiptNotification(receipt, { pageUrl: null }).text).toMatch(/negative/);
  });
});
