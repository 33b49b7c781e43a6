import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Receipt } from '../../../shared/model/index.ts';
import { ReceiptSchema, SubmissionRecordSchema } from '../../../shared/model/index.ts';
import { buildTemplate } from '../../../shared/template/index.ts';
import { columnLetters, sheetCell } from '../../../shared/text/index.ts';
import { csvOf, fillTemplate, workbookOf } from '../../helpers/workbooks.ts';
import type { CellInput } from '../../helpers/workbooks.ts';
import { buildCfb } from './helpers/cfb.ts';
import { consistentYear, consistentYears, filledTemplate, ingest, templateRow } from './helpers/submissions.ts';
import { buildZip, rawWorkbook, sheetXmlOf, workbookLikeZip } from './helpers/zip.ts';

/** (code, "Sheet!Cell" or sheet or null) of every error, the compact form rejections are asserted in. */
const errorsOf = (receipt: Receipt) =>
  receipt.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet && f.cell ? sheetCell(f.sheet, f.cell) : f.sheet]);

const HEADERS: CellInput[] = ['Year', 'Status', 'GDP', 'Core defence expenditure', 'Security-related expenditure'];
/** A foreign layout: ally and unit above a years-down table on sheet "Budget" (header on row 3). */
const foreign = (rows: CellInput[][], unit = 'EUR million') =>
  workbookOf([{ name: 'Budget', rows: [['France'], [unit], HEADERS, ...rows] }]);

const MB = 1024 * 1024;

interface HostileCase {
  name: string;
  file: () => Promise<Buffer> | Buffer;
  fileName?: string;
  /** The ally the upload is filed under (France unless given). */
  ally?: string;
  /** Every error expected, as (code, place). */
  errors: (string | null)[][];
}

const HOSTILE: HostileCase[] = [
  { name: 'an empty file', file: () => Buffer.alloc(0), errors: [['empty-file', null]] },
  { name: 'an 11 MB file', file: () => Buffer.alloc(11 * MB, 1), errors: [['file-too-large', null]] },
  { name: 'a PDF renamed .xlsx', file: () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1000)]), errors: [['not-a-workbook', null]] },
  {
    name: 'a PNG renamed .xlsx',
    file: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1000)]),
    errors: [['not-a-workbook', null]],
  },
  { name: 'random bytes', file: () => Buffer.concat([Buffer.from('~~'), randomBytes(5000)]), errors: [['not-a-workbook', null]] },
  { name: 'a truncated workbook', file: async () => (await filledTemplate()).subarray(0, 3000), errors: [['corrupt-zip', null]] },
  {
    name: 'a zip with a corrupt central directory',
    file: async () => {
      const bytes = Buffer.from(await filledTemplate());
      bytes.fill(0x55, bytes.length - 200, bytes.length - 22);
      return bytes;
    },
    errors: [['corrupt-zip', null]],
  },
  { name: 'a zip that is not a workbook', file: () => buildZip([{ name: 'a.txt', data: 'hello' }]), errors: [['not-a-workbook', null]] },
  {
    name: 'a zip bomb',
    file: () => workbookLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * MB, 0x20) }]),
    errors: [['zip-bomb', null]],
  },
  {
    name: 'a zip whose declared sizes lie',
    file: () => workbookLikeZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(30 * MB, 0x20), declaredSize: 100 }]),
    errors: [['zip-bomb', null]],
  },
  {
    name: 'a zip with too many entries',
    file: () => workbookLikeZip(Array.from({ length: 800 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: 'x', method: 0 as const }))),
    errors: [['zip-too-many-entries', null]],
  },
  { name: 'an .xls file', fileName: 'figures.xls', file: () => buildCfb(['Workbook']), errors: [['legacy-xls', null]] },
  { name: 'an .xls renamed .xlsx', file: () => buildCfb(['Workbook', 'SummaryInformation']), errors: [['legacy-xls', null]] },
  { name: 'an encrypted workbook', file: () => buildCfb(['EncryptionInfo', 'EncryptedPackage']), errors: [['encrypted-workbook', null]] },
  { name: 'an .xlsm', fileName: 'figures.xlsm', file: () => filledTemplate(), errors: [['macro-enabled', null]] },
  {
    name: 'an .xlsx holding vbaProject.bin',
    file: () => workbookLikeZip([{ name: 'xl/vbaProject.bin', data: randomBytes(64) }]),
    errors: [['macro-enabled', null]],
  },
  {
    name: 'an .ods',
    fileName: 'figures.ods',
    file: () => buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }]),
    errors: [['ods-not-supported', null]],
  },
  { name: 'an unknown extension', fileName: 'figures.numbers', file: () => filledTemplate(), errors: [['unsupported-type', null]] },
  {
    name: 'a formula without a cached value',
    file: () => filledTemplate('FRA', { ...consistentYears(), 2025: { ...consistentYear(2025, 'actual'), 'core.total': { formula: 'F7+G7+H7+I7+J7' } } }),
    errors: [['formula-without-value', `Data!E${templateRow(2025)}`]],
  },
  {
    name: 'a sheet with 200 000 rows',
    file: () => rawWorkbook('Data', sheetXmlOf(200_000, 1, columnLetters)),
    errors: [['too-many-rows', 'Data!A10001']],
  },
  {
    name: 'a sheet with 2000 columns',
    file: () => rawWorkbook('Wide', sheetXmlOf(2, 2000, columnLetters)),
    errors: [['too-many-columns', 'Wide!SG1']],
  },
  {
    name: 'figures for another ally',
    file: () => filledTemplate('DEU'),
    errors: [['ally-mismatch', 'Data']],
  },
  {
    name: 'a negative value',
    file: () => filledTemplate('FRA', { ...consistentYears(), 2024: { ...consistentYear(2024, 'actual'), gdp: -5 } }),
    errors: [['negative-value', `Data!D${templateRow(2024)}`]],
  },
  {
    name: 'text where a number belongs',
    file: () => filledTemplate('FRA', { ...consistentYears(), 2025: { ...consistentYear(2025, 'actual'), gdp: 'about three trillion' } }),
    errors: [['not-a-number', `Data!D${templateRow(2025)}`]],
  },
  {
    name: 'a year given twice',
    file: () => foreign([[2024, 'actual', 2_900_000, 60_000, 10_000], [2025, 'actual', 2_950_000, 61_000, 10_000], [2024, 'actual', 2_900_000, 60_000, 10_000]]),
    errors: [['duplicate-year', 'Budget!A6']],
  },
  {
    name: 'a breakdown that does not add up',
    file: () => filledTemplate('FRA', { ...consistentYears(), 2026: { ...consistentYear(2026, 'estimate'), 'core.total': 70_000 } }),
    errors: [['breakdown-mismatch', `Data!E${templateRow(2026)}`]],
  },
  {
    name: 'an actual in the future',
    file: () => filledTemplate('FRA', { ...consistentYears(), 2027: consistentYear(2027, 'actual') }),
    errors: [['actual-in-future', `Data!B${templateRow(2027)}`]],
  },
  {
    name: 'a legacy currency outside its era',
    file: async () =>
      fillTemplate(await buildTemplate({ ally: 'LTU', from: 2013, to: 2016, lang: 'en' }), {
        2013: { ...consistentYear(2013, 'actual'), currency: 'LTL' },
        2016: { ...consistentYear(2016, 'actual'), currency: 'LTL' },
      }),
    fileName: 'ltu.xlsx',
    ally: 'LTU',
    // LTL ended with 2014; the template's 2016 row is row 6 + (2016 - 2013).
    errors: [['currency-not-ally', 'Data!C9']],
  },
  { name: 'a binary CSV', fileName: 'figures.csv', file: () => Buffer.from([0x59, 0x65, 0x61, 0x72, 0x00, 0x01, 0x02, 0x0a]), errors: [['csv-not-text', null]] },
  // 0x81 is text in no encoding a CSV is read in (Windows-1252 leaves it undefined).
  { name: 'a CSV whose bytes no encoding reads', fileName: 'figures.csv', file: () => Buffer.from([0x41, 0x6e, 0x81, 0x65, 0x0a]), errors: [['csv-not-text', null]] },
  { name: 'a CSV with no table', fileName: 'figures.csv', file: () => csvOf([['Dear colleagues,'], ['please find our figures attached.']]), errors: [['no-table', null]] },
  { name: 'a workbook with no usable table', file: () => workbookOf([{ name: 'Notes', rows: [['Figures to follow'], [1, 2, 3]] }]), errors: [['no-table', null]] },
  {
    name: 'an unknown unit',
    file: () =>
      workbookOf([
        {
          name: 'Budget',
          rows: [['France'], ['Year', 'Status', 'GDP (EUR zorkmids)', 'Core defence expenditure (EUR zorkmids)'], [2024, 'actual', 2_900_000, 60_000]],
        },
      ]),
    errors: [['unknown-unit', 'Budget!C2'], ['unknown-unit', 'Budget!D2']],
  },
];

describe('ingestSubmission on malformed and hostile files', () => {
  it.each(HOSTILE)('rejects $name with a precise finding', async ({ file, fileName, ally, errors }) => {
    // Prepare
    const bytes = await file();
    // Act
    const { receipt, annotated } = await ingest(bytes, fileName ?? 'figures.xlsx', { expectedAlly: ally ?? 'FRA' });
    // Assess
    expect(receipt.status).toBe('rejected');
    expect(errorsOf(receipt)).toEqual(errors);
    expect(receipt.records).toEqual([]);
    expect(annotated).not.toBeNull();
  });

  it('covers at least thirty hostile inputs', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it('answers every arbitrary file with a receipt that validates, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), fc.constantFrom('a.xlsx', 'a.csv'), async (raw, name) => {
        const { receipt } = await ingest(Buffer.from(raw), name);
        expect(ReceiptSchema.safeParse(receipt).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('answers a real workbook with random bytes overwritten with a receipt that validates', async () => {
    // Prepare: damage lands in deflate streams, XML and zip headers alike.
    const template = await filledTemplate();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: template.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (edits) => {
          const bytes = Buffer.from(template);
          for (const [at, value] of edits) bytes[at] = value;
          // Act
          const { receipt } = await ingest(bytes, 'france.xlsx');
          // Assess
          expect(ReceiptSchema.safeParse(receipt).success).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('answers arbitrary UTF-8 text named .csv with a receipt that validates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        const { receipt } = await ingest(Buffer.from(text, 'utf8'), 'a.csv');
        expect(ReceiptSchema.safeParse(receipt).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('ingestSubmission on good submissions', () => {
  it('accepts a filled template with no findings and returns its canonical records', async () => {
    // Act
    const { receipt, annotated } = await ingest(await filledTemplate(), 'france.xlsx');
    // Assess
    expect(receipt).toMatchObject({ status: 'accepted', ally: 'FRA', years: [2024, 2025, 2026, 2027], findings: [] });
    expect(annotated).toBeNull();
    expect(receipt.records.map((r) => [r.year, r.status, r.currency, r.gdp, r.core.total])).toEqual([
      [2024, 'actual', 'EUR', 2_900_000, 60_000],
      [2025, 'actual', 'EUR', 2_950_000, 60_000],
      [2026, 'estimate', 'EUR', 3_000_000, 60_000],
      [2027, 'plan', 'EUR', 3_050_000, 60_000],
    ]);
    expect(receipt.records.every((r) => SubmissionRecordSchema.safeParse(r).success)).toBe(true);
  });

  it('records where every figure came from', async () => {
    const { receipt } = await ingest(await filledTemplate(), 'france.xlsx', { submissionId: 'sub-1' });
    expect(receipt.records[1]?.provenance).toMatchObject({
      submissionId: 'sub-1',
      file: 'france.xlsx',
      uploadedAt: '2026-11-27T03:00:00.000Z',
      sheet: 'Data',
    });
    expect(receipt.records[1]?.provenance.cells).toMatchObject({ gdp: 'Data!D7', 'core.total': 'Data!E7' });
  });

  it('accepts with warnings, and keeps the records, when only warnings are found', async () => {
    // Prepare: 2025 marked as a plan although it is past.
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2025: consistentYear(2025, 'plan') });
    // Act
    const { receipt, annotated } = await ingest(bytes, 'france.xlsx');
    // Assess
    expect(receipt.status).toBe('accepted_with_warnings');
    expect(receipt.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([['warning', 'plan-in-past', 'B7']]);
    expect(receipt.records).toHaveLength(4);
    expect(annotated).not.toBeNull();
  });

  it('accepts a year without GDP but warns that its shares cannot be computed', async () => {
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2027: { ...consistentYear(2027, 'plan'), gdp: null } });
    const { receipt } = await ingest(bytes, 'france.xlsx');
    expect([receipt.status, receipt.records.length]).toEqual(['accepted_with_warnings', 4]);
    expect(receipt.findings.map((f) => [f.code, f.year])).toEqual([['gdp-missing', 2027]]);
  });

  it('does not report again a cell whose content the reader refused', async () => {
    // Prepare: a negative GDP leaves the year without GDP, which the checks alone would flag too.
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2024: { ...consistentYear(2024, 'actual'), gdp: -1 } });
    // Act
    const { receipt } = await ingest(bytes, 'france.xlsx');
    // Assess
    expect(receipt.findings.map((f) => [f.code, f.cell])).toEqual([['negative-value', 'D6']]);
  });

  it('collects every problem of a workbook before answering', async () => {
    const bytes = await filledTemplate('FRA', {
      2024: { ...consistentYear(2024, 'actual'), gdp: -1 },
      2025: { ...consistentYear(2025, 'plan') },
      2026: { ...consistentYear(2026, 'estimate'), 'security.total': 50_000 },
      2027: consistentYear(2027, 'actual'),
    });
    const { receipt } = await ingest(bytes, 'france.xlsx');
    expect(receipt.counts).toEqual({ errors: 3, warnings: 1, infos: 0 });
    expect(receipt.findings.map((f) => f.code)).toEqual(['negative-value', 'breakdown-mismatch', 'actual-in-future', 'plan-in-past']);
    expect(receipt.sheets).toEqual([{ sheet: 'Data', counts: { errors: 3, warnings: 1, infos: 0 } }]);
  });

  it('takes the ally the workbook names when none is filed under', async () => {
    const { receipt } = await ingest(await filledTemplate('DEU'), 'germany.xlsx', { expectedAlly: null });
    expect([receipt.status, receipt.ally, receipt.records[0]?.ally]).toEqual(['accepted', 'DEU', 'DEU']);
  });

  it('turns a crash of the reader into a workbook-unreadable finding', async () => {
    // Prepare: the parts the guard looks for are there, but the workbook XML is not XML.
    const bytes = workbookLikeZip([{ name: 'xl/_rels/workbook.xml.rels', data: '<<<not xml' }], undefined);
    // Act
    const { receipt, annotated } = await ingest(bytes, 'figures.xlsx');
    // Assess
    expect(receipt.status).toBe('rejected');
    expect(receipt.findings.map((f) => f.code)).toContain('workbook-unreadable');
    expect(annotated).not.toBeNull();
  });

  it('judges past and future from the upload time, not from when the upload is checked', async () => {
    // Prepare: uploaded on the last day of 2026 with 2027 marked actual, checked again on 2 January 2027.
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2027: consistentYear(2027, 'actual') });
    const timing = { uploadedAt: '2026-12-31T23:59:00.000Z', now: new Date('2027-01-02T08:00:00Z') };
    // Act
    const { receipt } = await ingest(bytes, 'france.xlsx', timing);
    // Assess: in the upload's year, 2027 is still the future.
    expect(errorsOf(receipt)).toEqual([['actual-in-future', 'Data!B9']]);
    expect(receipt.checkedAt).toBe('2027-01-02T08:00:00.000Z');
  });

  it('never modifies the uploaded bytes', async () => {
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2027: consistentYear(2027, 'actual') });
    const before = Buffer.from(bytes);
    await ingest(bytes, 'france.xlsx');
    expect(bytes.equals(before)).toBe(true);
  });

  it('refuses limits with a misspelt key, a caller\'s bug', async () => {
    await expect(ingest(Buffer.from('x'), 'a.csv', { limits: { maxRowz: 5 } as never })).rejects.toThrow(/limits/);
  });
});
