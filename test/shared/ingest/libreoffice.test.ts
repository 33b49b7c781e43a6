// Files written by LibreOffice rather than exceljs: a round-tripped template must still pass,
// and the formats LibreOffice offers besides .xlsx must be refused with the right advice.
import { beforeAll, describe, expect, it } from 'vitest';
import { convertWithSoffice } from '../../helpers/soffice.ts';
import { convertWithLibreOffice } from '../../helpers/workbooks.ts';
import { filledTemplate, ingest } from './helpers/submissions.ts';

// LibreOffice starts cold for every conversion; on a busy two-core machine that takes a while.
const SOFFICE_TIMEOUT = 180_000;

describe('ingestSubmission on files saved by LibreOffice', () => {
  let template: Buffer;
  beforeAll(async () => {
    template = await filledTemplate();
  });

  it('accepts a filled template round-tripped through LibreOffice, with no findings', async () => {
    // Prepare
    const roundTripped = convertWithLibreOffice(template, 'xlsx');
    // Act
    const { receipt } = await ingest(roundTripped, 'france.xlsx');
    // Assess
    expect(receipt.findings).toEqual([]);
    expect([receipt.status, receipt.years, receipt.records.length]).toEqual(['accepted', [2024, 2025, 2026, 2027], 4]);
  }, SOFFICE_TIMEOUT);

  it('refuses an OpenDocument spreadsheet, under its own name or renamed .xlsx', async () => {
    // Prepare
    const ods = await convertWithSoffice(template, 'france.xlsx', 'ods');
    // Act
    const asOds = await ingest(ods, 'france.ods');
    const renamed = await ingest(ods, 'france.xlsx');
    // Assess
    expect(asOds.receipt.findings.map((f) => f.code)).toEqual(['ods-not-supported']);
    expect(renamed.receipt.findings.map((f) => [f.code, f.found])).toEqual([
      ['ods-not-supported', 'application/vnd.oasis.opendocument.spreadsheet'],
    ]);
  }, SOFFICE_TIMEOUT);

  it('refuses an Excel 97-2003 workbook, under its own name or renamed .xlsx', async () => {
    const xls = await convertWithSoffice(template, 'france.xlsx', 'xls');
    const asXls = await ingest(xls, 'france.xls');
    const renamed = await ingest(xls, 'france.xlsx');
    expect([...asXls.receipt.findings, ...renamed.receipt.findings].map((f) => f.code)).toEqual(['legacy-xls', 'legacy-xls']);
  }, SOFFICE_TIMEOUT);
});
