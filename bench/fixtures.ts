// What the bench feeds the code: workbooks made for it (a 200,000-row sheet, a legal workbook of
// a given size) and small CSV submissions that make a store's history long. Deterministic: the
// same bytes every run, so runs compare.
import { readFile, stat, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DEFAULT_LIMITS } from '../shared/ingest/index.ts';
import { allyByIso3, currentCurrency } from '../shared/reference/index.ts';

/** A small, fast pseudo-random sequence (mulberry32), seeded. */
const random = (seed: number) => (): number => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A workbook far past the row limit: what a careless or hostile upload looks like. */
const writeHugeWorkbook = async (path: string, rows: number): Promise<string> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['Year', 'GDP', 'Defence expenditure']);
  for (let i = 0; i < rows; i++) ws.addRow([2000 + (i % 36), 1000 + i, 20 + (i % 7)]);
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
};

/** Data rows per detail sheet: well within the reader's row limit, as a working sheet would be. */
const DETAIL_ROWS = Math.floor(DEFAULT_LIMITS.maxRows * 0.9);
const DETAIL_COLUMNS = 24;

/**
 * Adds `sheets` sheets of line-item detail (numbers and labels) within the row and column
 * limits, numbered from `first`.
 */
const addDetail = (wb: ExcelJS.Workbook, sheets: number, rowsPerSheet: number, first = 1): void => {
  const next = random(42 + first);
  for (let s = first; s < first + sheets; s++) {
    const ws = wb.addWorksheet(`Detail ${s}`);
    ws.addRow(['Line', ...Array.from({ length: DETAIL_COLUMNS - 1 }, (_, c) => `Item ${c + 1}`)]);
    for (let r = 0; r < rowsPerSheet; r++) {
      ws.addRow([`L${s}-${r}`, ...Array.from({ length: DETAIL_COLUMNS - 1 }, () => Math.round(next() * 1e8) / 100)]);
    }
  }
};

/**
 * A legal workbook of about `targetBytes`: a real sample submission (its table untouched) plus
 * sheets of line-item detail, each within the reader's row and column limits, as a finance
 * office's working file looks. Sized by writing one detail sheet first and scaling.
 */
const writeBigWorkbook = async (path: string, samplePath: string, targetBytes: number): Promise<{ path: string; bytes: number }> => {
  const load = async (): Promise<ExcelJS.Workbook> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(samplePath)) as unknown as ArrayBuffer);
    return wb;
  };
  const base = (await stat(samplePath)).size;
  const probeRows = Math.min(DETAIL_ROWS, 2_000);
  const probe = await load();
  addDetail(probe, 1, probeRows);
  const perRow = ((await probe.xlsx.writeBuffer()).byteLength - base) / probeRows;
  const rows = Math.max(100, Math.round((targetBytes - base) / perRow));
  const wb = await load();
  const full = Math.floor(rows / DETAIL_ROWS);
  addDetail(wb, full, DETAIL_ROWS);
  if (rows % DETAIL_ROWS > 0) addDetail(wb, 1, rows % DETAIL_ROWS, full + 1);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await writeFile(path, bytes);
  return { path, bytes: bytes.length };
};

/**
 * One of many resubmissions of an ally's figures, as a small semicolon CSV in its currency of
 * today: `version` shifts the figures, so every version is different content.
 */
const historyCsv = (iso3: string, version: number): string => {
  const name = allyByIso3(iso3)?.nameEn ?? iso3;
  const currency = currentCurrency(iso3) ?? 'EUR';
  const rows = Array.from({ length: 11 }, (_, i) => {
    const year = 2014 + i;
    const gdp = 100_000 + year * 10 + version;
    return `${year};actual;${gdp};${Math.round(gdp * 0.015)};${Math.round(gdp * 0.003)}`;
  });
  return [`Ally: ${name}`, `${currency} million, current prices`, '', 'Year;Status;GDP;Defence expenditure;Security-related expenditure', ...rows, ''].join('\n');
};

export { writeHugeWorkbook, writeBigWorkbook, historyCsv };
