import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { guardUpload } from '../../../../shared/ingest/guard/guard.ts';
import type { GuardResult } from '../../../../shared/ingest/guard/guard.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { buildCfb } from '../helpers/cfb.ts';
import { workbookOf } from '../helpers/plain-workbook.ts';
import { buildZip, workbookLikeZip } from '../helpers/zip.ts';

/** The (code, found) pairs of a refusal, or 'ok:<kind>' when the upload passed. */
const outcome = (result: GuardResult) =>
  result.ok ? `ok:${result.kind}` : result.findings.map((f) => ({ code: f.code, severity: f.severity, found: f.found }));

const codes = (result: GuardResult) => (result.ok ? [`ok:${result.kind}`] : result.findings.map((f) => f.code));

const guard = (bytes: Buffer, name: string) => guardUpload(bytes, name, DEFAULT_LIMITS);

const MB = 1024 * 1024;

describe('guardUpload on files that are not what they claim', () => {
  it('refuses an empty file', async () => {
    // Act
    const result = await guard(Buffer.alloc(0), 'submission.xlsx');
    // Assess
    expect(outcome(result)).toEqual([{ code: 'empty-file', severity: 'error', found: '0 bytes' }]);
  });

  it('refuses an 11 MB file before looking inside it', async () => {
    // Prepare
    const bytes = Buffer.alloc(11 * MB, 0x41);
    // Act
    const result = await guard(bytes, 'submission.xlsx');
    // Assess
    expect(outcome(result)).toEqual([{ code: 'file-too-large', severity: 'error', found: '11.0 MB' }]);
    expect(result.ok ? null : result.findings[0]?.expected).toBe('10.0 MB');
  });

  it('refuses a PDF renamed .xlsx and says it is a PDF', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]);
    expect(outcome(await guard(bytes, 'figures.xlsx'))).toEqual([
      { code: 'not-a-workbook', severity: 'error', found: 'a PDF document' },
    ]);
  });

  it('refuses a PNG renamed .xlsx and says it is an image', async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
    expect(outcome(await guard(bytes, 'figures.xlsx'))).toEqual([
      { code: 'not-a-workbook', severity: 'error', found: 'a PNG image' },
    ]);
  });

  it('refuses random bytes named .xlsx as not a workbook', async () => {
    const bytes = Buffer.concat([Buffer.from('xx'), randomBytes(4096)]);
    expect(codes(await guard(bytes, 'figures.xlsx'))).toEqual(['not-a-workbook']);
  });

  it('refuses a zip holding no workbook parts', async () => {
    const bytes = buildZip([{ name: 'hello.txt', data: 'hello' }]);
    expect(outcome(await guard(bytes, 'figures.xlsx'))).toEqual([
      { code: 'not-a-workbook', severity: 'error', found: 'a zip archive that is not an Excel workbook' },
    ]);
  });

  it('refuses a Word document renamed .xlsx and names it', async () => {
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<document/>' },
    ]);
    expect(outcome(await guard(bytes, 'figures.xlsx'))).toEqual([
      { code: 'not-a-workbook', severity: 'error', found: 'a Word document' },
    ]);
  });

  it('refuses a truncated workbook as a corrupt zip', async () => {
    // Prepare
    const whole = await workbookOf({ Data: [['Year', 'GDP'], [2024, 100]] });
    // Act
    const result = await guard(whole.subarray(0, Math.floor(whole.length / 2)), 'figures.xlsx');
    // Assess
    expect(codes(result)).toEqual(['corrupt-zip']);
  });

  it('refuses a zip header followed by garbage as a corrupt zip', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x11)]);
    expect(codes(await guard(bytes, 'figures.xlsx'))).toEqual(['corrupt-zip']);
  });

  it('refuses an entry whose name climbs out of the archive', async () => {
    const bytes = workbookLikeZip([{ name: '../../etc/evil.xml', data: '<x/>' }]);
    expect(codes(await guard(bytes, 'figures.xlsx'))).toEqual(['corrupt-zip']);
  });

  it('refuses an archive holding two parts of the same name', async () => {
    const bytes = workbookLikeZip([
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet>other</worksheet>' },
    ]);
    expect(outcome(await guard(bytes, 'figures.xlsx'))).toEqual([
      { code: 'corrupt-zip', severity: 'error', found: 'part "xl/worksheets/sheet1.xml" appears twice' },
    ]);
  });

  it('refuses an entry with an unknown compression method', async () => {
    // Prepare: method 99 (AES), which nothing here can inflate.
    const zip = workbookLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', method: 0 }]);
    const at = zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 22;
    zip.writeUInt16LE(99, at);
    const central = zip.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 36;
    zip.writeUInt16LE(99, central);
    // Act / Assess
    expect(codes(await guard(zip, 'figures.xlsx'))).toEqual(['corrupt-zip']);
  });
});

describe('guardUpload on zip bombs and oversized archives', () => {
  it('refuses a highly compressible entry far over the ratio limit', async () => {
    // Prepare: 20 MB of zeros deflate to about 20 KB, a ratio near 1000 (the limit is 200).
    const bytes = workbookLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * MB) }]);
    // Act
    const result = await guard(bytes, 'figures.xlsx');
    // Assess
    expect(codes(result)).toEqual(['zip-bomb']);
    expect(result.ok ? '' : result.findings[0]?.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('stops inflating an entry whose declared size lies', async () => {
    // Prepare: the entry claims 1000 bytes but inflates to 20 MB.
    const bytes = workbookLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * MB), declaredSize: 1000 }]);
    // Act
    const result = await guard(bytes, 'figures.xlsx');
    // Assess: stopped at the bound (max(1 MiB, ratio 200 x compressed size)), not at 20 MB.
    expect(codes(result)).toEqual(['zip-bomb']);
    expect(result.ok ? '' : result.findings[0]?.expected).toMatch(/MB$/);
  });

  it('refuses an entry that holds fewer bytes than it declares as corrupt', async () => {
    const bytes = workbookLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', declaredSize: 5000 }]);
    const result = await guard(bytes, 'figures.xlsx');
    expect(codes(result)).toEqual(['corrupt-zip']);
    expect(result.ok ? '' : result.findings[0]?.found).toBe('part "xl/worksheets/sheet1.xml" declares 5000 bytes but holds 12');
  });

  it('refuses an archive whose declared uncompressed total is over the limit', async () => {
    const bytes = workbookLikeZip([
      { name: 'xl/media/a.bin', data: 'a', declaredSize: 60 * MB },
      { name: 'xl/media/b.bin', data: 'b', declaredSize: 60 * MB },
    ]);
    expect(outcome(await guard(bytes, 'figures.xlsx'))).toEqual([
      { code: 'zip-too-large', severity: 'error', found: '120.0 MB' },
    ]);
  });

  it('refuses an archive with more entries than the limit', async () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ name: `xl/media/p${i}.xml`, data: 'x', method: 0 as const }));
    expect(outcome(await guard(workbookLikeZip(many), 'figures.xlsx'))).toEqual([
      { code: 'zip-too-many-entries', severity: 'error', found: '602' },
    ]);
  });

  it('refuses an archive whose entries are encrypted', async () => {
    const bytes = workbookLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', flags: 1 }]);
    expect(codes(await guard(bytes, 'figures.xlsx'))).toEqual(['encrypted-workbook']);
  });
});

describe('guardUpload on formats that must be converted first', () => {
  it('refuses an old .xls file and tells how to save as .xlsx', async () => {
    const result = await guard(buildCfb(['Workbook']), 'figures.xls');
    expect(codes(result)).toEqual(['legacy-xls']);
    expect(result.ok ? '' : result.findings[0]?.message).toContain('Excel Workbook (*.xlsx)');
  });

  it('refuses an old .xls file renamed .xlsx as legacy', async () => {
    expect(codes(await guard(buildCfb(['Workbook']), 'figures.xlsx'))).toEqual(['legacy-xls']);
  });

  it('refuses a password-protected workbook and says to remove the password', async () => {
    // Prepare: what Excel writes for an encrypted .xlsx is a compound file with these streams.
    const bytes = buildCfb(['EncryptionInfo', 'EncryptedPackage']);
    // Act
    const result = await guard(bytes, 'figures.xlsx');
    // Assess
    expect(codes(result)).toEqual(['encrypted-workbook']);
    expect(result.ok ? '' : result.findings[0]?.message).toContain('Remove the password');
  });

  it('refuses a password-protected workbook whatever its extension', async () => {
    expect(codes(await guard(buildCfb(['EncryptionInfo', 'EncryptedPackage']), 'figures.xlsm'))).toEqual([
      'encrypted-workbook',
    ]);
  });

  it('refuses an .xlsm by its name', async () => {
    const bytes = await workbookOf({ Data: [['Year'], [2024]] });
    expect(outcome(await guard(bytes, 'figures.xlsm'))).toEqual([{ code: 'macro-enabled', severity: 'error', found: '.xlsm' }]);
  });

  it('refuses an .xltm template by its name', async () => {
    expect(codes(await guard(workbookLikeZip(), 'figures.XLTM'))).toEqual(['macro-enabled']);
  });

  it('refuses an .xlsx that carries a VBA project', async () => {
    const bytes = workbookLikeZip([{ name: 'xl/vbaProject.bin', data: Buffer.from([1, 2, 3]) }]);
    expect(outcome(await guard(bytes, 'figures.xlsx'))).toEqual([
      { code: 'macro-enabled', severity: 'error', found: 'xl/vbaProject.bin' },
    ]);
  });

  it('refuses an .xlsx whose content types declare a macro-enabled workbook', async () => {
    const types = '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>';
    expect(codes(await guard(workbookLikeZip([], types), 'figures.xlsx'))).toEqual(['macro-enabled']);
  });

  it('refuses an .ods by its name', async () => {
    expect(codes(await guard(buildZip([{ name: 'mimetype', data: 'x', method: 0 }]), 'figures.ods'))).toEqual([
      'ods-not-supported',
    ]);
  });

  it('refuses an OpenDocument spreadsheet renamed .xlsx', async () => {
    const bytes = buildZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    expect(codes(await guard(bytes, 'figures.xlsx'))).toEqual(['ods-not-supported']);
  });

  it.each([
    ['figures.pdf', '.pdf'],
    ['figures.docx', '.docx'],
    ['figures.xlsb', '.xlsb'],
    ['figures', 'a file without extension'],
  ])('refuses %s as an unsupported type', async (name, found) => {
    expect(outcome(await guard(Buffer.from('a,b\n1,2\n'), name))).toEqual([{ code: 'unsupported-type', severity: 'error', found }]);
  });
});

describe('guardUpload on CSV files', () => {
  it('accepts UTF-8 text with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Year;PIB\n2024;1 234,5\n', 'utf8')]);
    expect(outcome(await guard(bytes, 'chiffres.csv'))).toBe('ok:csv');
  });

  it('refuses a CSV holding NUL bytes as binary', async () => {
    const bytes = Buffer.from('Year,GDP\n2024,\u0000\u0000\u0001\n', 'utf8');
    expect(codes(await guard(bytes, 'figures.csv'))).toEqual(['csv-not-text']);
  });

  it('accepts a CSV saved in a Windows code page, for the reader to decode', async () => {
    // Prepare: "Dépenses" in Windows-1252 (é is the single byte 0xE9, invalid as UTF-8).
    const bytes = Buffer.from([...Buffer.from('D'), 0xe9, ...Buffer.from('penses,2024\n')]);
    expect(outcome(await guard(bytes, 'figures.csv'))).toBe('ok:csv');
  });

  it('accepts a CSV saved as UTF-16 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Year\tGDP\n', 'utf16le')]);
    expect(outcome(await guard(bytes, 'figures.csv'))).toBe('ok:csv');
  });

  it('refuses a CSV with a byte no encoding reads, naming the byte and its offset', async () => {
    // Prepare: 0x81 is undefined in Windows-1252 and a control character in ISO-8859-1.
    const bytes = Buffer.from([...Buffer.from('Ann'), 0xe9, 0x81, ...Buffer.from('e,PIB\n')]);
    // Act
    const result = await guard(bytes, 'figures.csv');
    // Assess
    expect(result.ok ? [] : result.findings.map((f) => [f.code, f.params])).toEqual([['csv-not-text', { problem: 'undecodable', offset: 4, byte: 0x81 }]]);
  });

  it('refuses single bytes that read as letters of another code page rather than guess', async () => {
    // Prepare: "Бюджет" (budget) as Windows-1251 writes it; as Windows-1252 it would read "Áþäæåò".
    const bytes = Buffer.from([...Buffer.from('Year;'), 0xc1, 0xfe, 0xe4, 0xe6, 0xe5, 0xf2, ...Buffer.from('\n2024;1\n')]);
    // Act
    const result = await guard(bytes, 'figures.csv');
    // Assess
    expect(result.ok ? [] : result.findings.map((f) => [f.code, f.params])).toEqual([['csv-not-text', { problem: 'other-code-page', offset: 5, word: 'Áþäæåò' }]]);
  });

  it('refuses a workbook renamed .csv and says what it is', async () => {
    const bytes = await workbookOf({ Data: [['Year'], [2024]] });
    expect(outcome(await guard(bytes, 'figures.csv'))).toEqual([
      { code: 'csv-not-text', severity: 'error', found: 'it is a zip archive' },
    ]);
  });
});

describe('guardUpload on genuine workbooks', () => {
  it('accepts a workbook written by exceljs, whatever the case of its extension', async () => {
    const bytes = await workbookOf({ Data: [['Year', 'GDP'], [2024, 100]] });
    expect(outcome(await guard(bytes, 'FIGURES.XLSX'))).toBe('ok:xlsx');
  });

  it('never throws and always answers, for arbitrary bytes under either name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('a.xlsx', 'a.csv'), async (raw, name) => {
        const result = await guard(Buffer.from(raw), name);
        expect(result.ok || result.findings.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws for arbitrary bytes behind a zip signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 1024 }), async (raw) => {
        const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(raw)]);
        const result = await guard(bytes, 'a.xlsx');
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('guardUpload on sheets over the row and column limits', () => {
  it('refuses a sheet with more rows than allowed, naming the sheet, before a parser loads it', async () => {
    // Prepare: 30 rows against a limit of 20.
    const rows = Array.from({ length: 30 }, (_, i) => [2000 + i, i]);
    const bytes = await workbookOf({ Notes: [['hello']], 'Budget 2025': rows });
    // Act
    const result = await guardUpload(bytes, 'figures.xlsx', { ...DEFAULT_LIMITS, maxRows: 20 });
    // Assess: the sheet inflates in one chunk, so all 30 rows are seen before stopping.
    expect(result.ok ? [] : result.findings.map((f) => [f.code, f.sheet, f.cell, f.found])).toEqual([
      ['too-many-rows', 'Budget 2025', 'A21', '30 or more'],
    ]);
  });

  it('refuses a sheet with more columns than allowed', async () => {
    const wide = [Array.from({ length: 40 }, (_, i) => i)];
    const result = await guardUpload(await workbookOf({ Data: wide }), 'figures.xlsx', { ...DEFAULT_LIMITS, maxColumns: 26 });
    expect(result.ok ? [] : result.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([['too-many-columns', 'Data', 'AA1']]);
  });

  it('counts rows that do not carry their number', async () => {
    const sheet = `<worksheet><sheetData>${'<row><c t="n"><v>1</v></c></row>'.repeat(25)}</sheetData></worksheet>`;
    const bytes = workbookLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet }]);
    const result = await guardUpload(bytes, 'figures.xlsx', { ...DEFAULT_LIMITS, maxRows: 20 });
    expect(result.ok ? [] : result.findings.map((f) => [f.code, f.sheet])).toEqual([['too-many-rows', 'xl/worksheets/sheet1.xml']]);
  });

  it('accepts a sheet exactly at the limits', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => Array.from({ length: 26 }, (_, c) => i * 100 + c));
    const result = await guardUpload(await workbookOf({ Data: rows }), 'figures.xlsx', { ...DEFAULT_LIMITS, maxRows: 20, maxColumns: 26 });
    expect(outcome(result)).toBe('ok:xlsx');
  });
});
