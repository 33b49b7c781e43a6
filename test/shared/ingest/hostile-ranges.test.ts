// Workbooks whose merged, validated or formatted ranges reach to the sheet's last row or column,
// as Excel writes them when a whole column is selected: answered in bounded time and memory.
// The sample sheet holds A1:Y27; the ranges below are written as Excel would write them.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ReceiptSchema, ReceiptStatus } from '../../../shared/model/index.ts';
import { PROJECT_ROOT, runEntry } from '../../helpers/cli-process.ts';
import { tempDirs } from '../../helpers/temp.ts';
import { ingest } from './helpers/submissions.ts';

const temp = tempDirs('dualtrack-ranges-');
const SAMPLE = join(PROJECT_ROOT, 'samples', 'EST-estonia.xlsx');
const DATA_PART = 'xl/worksheets/sheet2.xml';

/** The Estonian sample with its data sheet's XML edited. */
const editedSample = async (edit: (xml: string) => string): Promise<Buffer> => {
  const zip = await JSZip.loadAsync(await readFile(SAMPLE));
  const xml = await zip.file(DATA_PART)!.async('string');
  const edited = edit(xml);
  if (edited === xml) throw new Error('the edit changed nothing');
  zip.file(DATA_PART, edited);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

const addValidation = (sqref: string) => (xml: string) =>
  xml.replace(/<dataValidations count="(\d+)">/, (_, n: string) => `<dataValidations count="${Number(n) + 1}"><dataValidation type="decimal" allowBlank="1" sqref="${sqref}"><formula1>0</formula1></dataValidation>`);
const addMerge = (ref: string) => (xml: string) => xml.replace(/<mergeCells count="(\d+)">/, (_, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="${ref}"/>`);
const addFormat = (sqref: string) => (xml: string) =>
  xml.replace('<dataValidations', `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><dataValidations`);

const CASES = [
  { name: 'a validation on whole columns (C1:K1048576)', edit: addValidation('C1:K1048576') },
  { name: 'a validation on the whole sheet and a second list', edit: addValidation('A1:XFD1048576 C3:C9') },
  { name: 'a merge down whole columns right of the table (Z1:AA1048576)', edit: addMerge('Z1:AA1048576') },
  { name: 'a conditional format on the whole sheet', edit: addFormat('A1:XFD1048576') },
];

const ingestAs = (bytes: Buffer, expectedAlly: string) =>
  ingest(bytes, 'estonia.xlsx', { expectedAlly, uploadedAt: '2026-03-01T00:00:00.000Z', now: new Date('2026-03-01T00:00:00Z') });

describe('ranges that reach the last row or column', () => {
  it.each(CASES)('reads the figures of a workbook with $name', async ({ edit }) => {
    // Arrange
    const bytes = await editedSample(edit);

    // Act
    const { receipt } = await ingestAs(bytes, 'EST');

    // Assess: the same figures as the sample itself.
    const { receipt: plain } = await ingestAs(await readFile(SAMPLE), 'EST');
    expect(receipt.status).toBe(plain.status);
    expect(receipt.findings.map((f) => f.code)).toEqual(plain.findings.map((f) => f.code));
    expect(receipt.years).toEqual(plain.years);
  });

  it.each(CASES)('marks up a copy of a rejected workbook with $name, its ranges clipped to the sheet', async ({ edit }) => {
    // Arrange: filed as Latvia's, so rejected with findings to mark.
    const bytes = await editedSample(edit);

    // Act
    const { receipt, annotated } = await ingestAs(bytes, 'LVA');

    // Assess
    expect(receipt.status).toBe('rejected');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated! as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Receipt', 'Instructions', 'Data', '_meta']);
    expect(wb.getWorksheet('Data')!.rowCount).toBeLessThanOrEqual(27);
  });

  it('refuses a sheet whose merges cover more cells than allowed, naming the largest merge', async () => {
    // Arrange: Z30:AZ9000 is within the sheet limits but covers 27 × 8,971 cells, 242,284 with the sample's own merges.
    const bytes = await editedSample(addMerge('Z30:AZ9000'));

    // Act
    const { receipt } = await ingestAs(bytes, 'EST');

    // Assess
    const merged = receipt.findings.find((f) => f.code === 'merged-range-too-large');
    expect(merged).toMatchObject({ severity: 'error', sheet: 'Data', cell: 'Z30', found: 'Z30:AZ9000', expected: '100000' });
    expect(merged?.message).toContain('covering 242284 cells');
  });

  it.each(CASES)('checks a workbook with $name within a 256 MB heap', async ({ edit }) => {
    // Arrange
    const dir = temp.make();
    const file = join(dir, 'estonia.xlsx');
    await writeFile(file, await editedSample(edit));

    // Act: a heap this small could not hold a million expanded cells.
    const run = await runEntry(['check', file, '--ally', 'LVA', '--as-of', '2026-03-01', '--annotated', join(dir, 'marked.xlsx')], {
      nodeArgs: ['--max-old-space-size=256'],
    });

    // Assess: rejected as Latvia's (exit 1), not crashed.
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ally-mismatch');
  }, 60_000);

  it('answers every mutated workbook with a valid receipt', async () => {
    // A small grammar of what an editor or a broken generator writes into a sheet's XML.
    const mutations: ((xml: string, n: number) => string)[] = [
      (x, n) => addMerge(`A${n % 30}:C${n * 997}`)(x),
      (x, n) => addValidation(`${['A', 'C', 'Z', 'XFD'][n % 4]}${1 + (n % 9)}:XFD${n * 7919}`)(x),
      (x, n) => x.replace(/<c r="([A-Z]+)(\d+)"/, (_, c: string) => `<c r="${c}${n * 104_729}"`),
      (x, n) => x.replace(/ t="s"/g, (m, i: number) => (i % (n + 2) === 0 ? ' t="d"' : m)),
      (x, n) => x.replace(/<v>([^<]*)<\/v>/g, (m, v: string, i: number) => (i % (n + 3) === 0 ? `<v>${v}E+308${v}</v>` : m)),
      (x, n) => x.slice(0, Math.floor((x.length * (n % 10)) / 10)) + '</sheetData></worksheet>',
      (x) => x.replace(/<row /g, '<row r="0" '),
      (x, n) => addFormat(`A1:${'B'.repeat(1 + (n % 3))}${n}`)(x),
    ];
    for (let n = 1; n <= 40; n += 1) {
      const apply = (x: string) => mutations.filter((_, k) => (n >> k) % 2 === 1 || k === n % mutations.length).reduce((acc, m) => m(acc, n), x);
      const bytes = await editedSample((x) => apply(x) + ' ');
      const { receipt } = await ingestAs(bytes, 'EST');
      expect(() => ReceiptSchema.parse(receipt), `mutation ${n}`).not.toThrow();
      expect(Object.values(ReceiptStatus)).toContain(receipt.status);
    }
  }, 120_000);
});
