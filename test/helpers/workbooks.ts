// Workbook factories for tests (and the samples builder): arbitrary sheets written with
// exceljs, CSV text, foreign layouts in either orientation, a filled-in template, and a
// LibreOffice round trip so that not every fixture was written by exceljs.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { META_SHEET, parseMetaRows } from '../../shared/submission/index.ts';
import type { FieldPath } from '../../shared/submission/index.ts';
import { sofficePath } from './soffice.ts';

/** What a test puts in a cell: a plain value, a formula (with or without a cached result), or a formatted number. */
type CellInput =
  | string
  | number
  | boolean
  | null
  | undefined
  | { formula: string; result?: number | string }
  | { value: number; numFmt: string };

interface SheetSpec {
  name: string;
  /** Row-major, starting at A1; null/undefined leave a cell empty. */
  rows: readonly (readonly CellInput[])[];
  /** A1 ranges to merge, e.g. "A1:F1". */
  merges?: readonly string[];
  state?: 'visible' | 'hidden' | 'veryHidden';
}

const setCell = (cell: ExcelJS.Cell, input: CellInput): void => {
  if (input === null || input === undefined) return;
  if (typeof input === 'object' && 'formula' in input) {
    cell.value = (input.result === undefined ? { formula: input.formula } : { formula: input.formula, result: input.result }) as ExcelJS.CellFormulaValue;
  } else if (typeof input === 'object') {
    cell.value = input.value;
    cell.numFmt = input.numFmt;
  } else cell.value = input;
};

/** A workbook of the given sheets, as .xlsx bytes. */
const workbookOf = async (sheets: readonly SheetSpec[]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    spec.rows.forEach((row, r) => row.forEach((input, c) => setCell(ws.getCell(r + 1, c + 1), input)));
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** CSV text (UTF-8 bytes) with the given separator; fields holding it, quotes or line breaks are quoted. */
const csvOf = (rows: readonly (readonly (string | number | null)[])[], delimiter: ',' | ';' = ',', bom = false): Buffer => {
  const quote = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return s.includes(delimiter) || s.includes('"') || /[\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(delimiter)).join('\r\n');
  return Buffer.from(`${bom ? '\ufeff' : ''}${text}\r\n`, 'utf8');
};

/** A table with years down the rows: a header row, then one row per year. */
const yearsDown = (headers: readonly CellInput[], byYear: readonly (readonly CellInput[])[]): CellInput[][] => [
  [...headers],
  ...byYear.map((r) => [...r]),
];

/** The same table with years across the columns (rows and columns swapped). */
const yearsAcross = (headers: readonly CellInput[], byYear: readonly (readonly CellInput[])[]): CellInput[][] =>
  headers.map((h, i) => [h, ...byYear.map((r) => r[i])]);

/** Rows shifted down and right, as when a table sits under a title and beside a margin. */
const placeAt = (rows: readonly (readonly CellInput[])[], rowOffset: number, columnOffset: number): CellInput[][] => [
  ...Array.from({ length: rowOffset }, () => [] as CellInput[]),
  ...rows.map((r) => [...Array.from({ length: columnOffset }, () => null), ...r]),
];

type TemplateValues = Partial<Record<FieldPath, CellInput>>;

/** Write values into a template built by buildTemplate: one entry per year, by field. */
const fillTemplate = async (template: Buffer, values: Readonly<Record<number, TemplateValues>>): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const metaSheet = wb.getWorksheet(META_SHEET);
  if (!metaSheet) throw new Error('fillTemplate: not a template (no _meta sheet)');
  const rows: [string, string][] = [];
  metaSheet.eachRow((row) => rows.push([String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')]));
  const meta = parseMetaRows(rows);
  if (!meta) throw new Error('fillTemplate: the _meta sheet is not one this version writes');
  const ws = wb.getWorksheet(meta.sheet);
  if (!ws) throw new Error(`fillTemplate: no data sheet "${meta.sheet}"`);
  for (const [yearText, fields] of Object.entries(values)) {
    const row = meta.headerRow + 1 + (Number(yearText) - meta.from);
    if (Number(yearText) < meta.from || Number(yearText) > meta.to) throw new Error(`fillTemplate: ${yearText} is outside the template's years`);
    for (const [field, input] of Object.entries(fields)) {
      const column = meta.columns[field as FieldPath];
      if (!column) throw new Error(`fillTemplate: the template has no column for ${field}`);
      setCell(ws.getCell(`${column}${row}`), input);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/**
 * One LibreOffice profile per test process: creating a profile is most of a conversion's time,
 * and separate processes must not share one. Test files release it in `afterAll`, because
 * vitest may end its workers without an 'exit' event.
 */
let profileDir: string | null = null;
const releaseLibreOffice = (): void => {
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  profileDir = null;
};
const profile = (): string => {
  if (!profileDir) {
    profileDir = mkdtempSync(join(tmpdir(), 'dualtrack-lo-profile-'));
    process.once('exit', releaseLibreOffice);
  }
  return profileDir;
};

/** CSV import options: separator, text delimiter ("), UTF-8 (76), from line 1. */
const CSV_FILTER: Record<',' | ';', string> = { ',': 'CSV:44,34,76,1', ';': 'CSV:59,34,76,1' };

/** Let LibreOffice open the file and save it as .xlsx, as a finance office's spreadsheet program would. */
const convertWithLibreOffice = (bytes: Buffer, inputExtension: 'xlsx' | 'csv', csvSeparator: ',' | ';' = ','): Buffer => {
  const soffice = sofficePath();
  const dir = mkdtempSync(join(tmpdir(), 'dualtrack-lo-'));
  try {
    const input = join(dir, `in.${inputExtension}`);
    const out = join(dir, 'out');
    writeFileSync(input, bytes);
    const args = ['--headless', `-env:UserInstallation=file://${profile()}`];
    if (inputExtension === 'csv') args.push(`--infilter=${CSV_FILTER[csvSeparator]}`);
    execFileSync(soffice, [...args, '--convert-to', 'xlsx', '--outdir', out, input], { stdio: 'pipe', timeout: 180_000 });
    const produced = existsSync(out) ? readdirSync(out).find((f) => f.endsWith('.xlsx')) : undefined;
    if (!produced) throw new Error(`LibreOffice produced no .xlsx from ${input}`);
    return readFileSync(join(out, produced));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export { workbookOf, csvOf, yearsDown, yearsAcross, placeAt, fillTemplate, convertWithLibreOffice, releaseLibreOffice };
export type { CellInput, SheetSpec, TemplateValues };
