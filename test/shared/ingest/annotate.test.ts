import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { annotateWorkbook, receiptWorkbook } from '../../../shared/ingest/annotate.ts';
import { buildReceipt } from '../../../shared/ingest/receipt.ts';
import { findingOf } from '../../../shared/findings/index.ts';
import type { Finding, Receipt } from '../../../shared/model/index.ts';
import { workbookOf } from '../../helpers/workbooks.ts';
import { consistentYear, consistentYears, filledTemplate, ingest } from './helpers/submissions.ts';

const load = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

const fillOf = (cell: ExcelJS.Cell): string | undefined => {
  const fill = cell.fill;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
};

const noteOf = (cell: ExcelJS.Cell): string => {
  const note = cell.note;
  if (typeof note === 'string') return note;
  return note?.texts?.map((t) => t.text).join('') ?? '';
};

const receiptWith = (findings: Finding[], file = 'figures.xlsx'): Receipt =>
  buildReceipt({
    submissionId: 's-1',
    fileName: file,
    uploadedAt: '2026-11-27T03:00:00.000Z',
    checkedAt: '2026-11-27T03:15:00.000Z',
    ally: 'FRA',
    years: [2024],
    findings,
    records: [],
  });

/** Receipt-sheet rows below the header row, as plain values. */
const findingRows = (ws: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  let header = 0;
  ws.eachRow((row, n) => {
    const values = (row.values as unknown[]).slice(1);
    if (values[0] === 'Severity') header = n;
    else if (header > 0) rows.push(values);
  });
  return rows;
};

describe('annotateWorkbook', () => {
  it('marks error cells red and warning cells amber, with the message as a note, behind a first Receipt sheet', async () => {
    // Prepare: a negative GDP for 2024 (error, D6) and a past plan for 2025 (warning, B7).
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2024: { ...consistentYear(2024, 'actual'), gdp: -5 }, 2025: consistentYear(2025, 'plan') });
    // Act
    const { receipt, annotated } = await ingest(bytes, 'france.xlsx');
    // Assess
    const wb = await load(annotated ?? Buffer.alloc(0));
    expect(wb.worksheets[0]?.name).toBe('Receipt');
    const data = wb.getWorksheet('Data');
    expect(data && [fillOf(data.getCell('D6')), fillOf(data.getCell('B7'))]).toEqual(['FFFFC7CE', 'FFFFEB9C']);
    expect(data && noteOf(data.getCell('D6'))).toContain(receipt.findings[0]?.message ?? 'missing');
    expect(data?.getCell('D6').value).toBe(-5);
  });

  it('lists every finding on the Receipt sheet', async () => {
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2024: { ...consistentYear(2024, 'actual'), gdp: -5 }, 2025: consistentYear(2025, 'plan') });
    const { annotated } = await ingest(bytes, 'france.xlsx');
    const ws = (await load(annotated ?? Buffer.alloc(0))).getWorksheet('Receipt');
    expect(ws && findingRows(ws).map((r) => r.slice(0, 4))).toEqual([
      ['error', 'Data', 'D6', 'negative-value'],
      ['warning', 'Data', 'B7', 'plan-in-past'],
    ]);
  });

  it('writes text that starts like a formula so it can never run as one', async () => {
    // Prepare: a finding quoting hostile submitted text.
    const original = await workbookOf([{ name: 'Data', rows: [['Year'], [2024]] }]);
    const finding = findingOf('not-a-number', { sheet: 'Data', cell: 'A2', found: '=HYPERLINK("http://evil.example")', expected: '+1' });
    // Act
    const wb = await load(await annotateWorkbook(original, receiptWith([finding], '@evil.xlsx')));
    // Assess
    const ws = wb.getWorksheet('Receipt');
    const row = ws ? findingRows(ws)[0] : [];
    expect(row?.slice(6, 8)).toEqual(['\'=HYPERLINK("http://evil.example")', "'+1"]);
    expect(ws?.getCell('B1').value).toBe("'@evil.xlsx");
    const formulas: unknown[] = [];
    ws?.eachRow((r) => r.eachCell((c) => (c.formula ? formulas.push(c.address) : undefined)));
    expect(formulas).toEqual([]);
  });

  it('names its sheet so as not to clash with a sheet the submitter called Receipt', async () => {
    const original = await workbookOf([{ name: 'Receipt', rows: [['mine']] }]);
    const wb = await load(await annotateWorkbook(original, receiptWith([])));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Receipt 2', 'Receipt']);
  });

  it('leaves the uploaded bytes untouched', async () => {
    const original = await workbookOf([{ name: 'Data', rows: [['Year'], [2024]] }]);
    const copy = Buffer.from(original);
    await annotateWorkbook(original, receiptWith([findingOf('negative-value', { sheet: 'Data', cell: 'A2' })]));
    expect(original.equals(copy)).toBe(true);
  });
});

describe('receiptWorkbook', () => {
  it('answers a CSV upload with a fresh workbook holding only the Receipt sheet', async () => {
    // Prepare
    const csv = Buffer.from('Year,GDP\n2024,-5\n', 'utf8');
    // Act
    const { receipt, annotated } = await ingest(csv, 'figures.csv');
    // Assess
    expect(receipt.status).toBe('rejected');
    const wb = await load(annotated ?? Buffer.alloc(0));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Receipt']);
  });

  it('writes the verdict and counts at the top', async () => {
    const wb = await load(await receiptWorkbook(receiptWith([findingOf('gdp-jump')])));
    const ws = wb.getWorksheet('Receipt');
    expect([ws?.getCell('A2').value, ws?.getCell('B2').value, ws?.getCell('B5').value, ws?.getCell('B6').value]).toEqual([
      'Verdict',
      'accepted_with_warnings',
      0,
      1,
    ]);
  });
});
