// The guard reads a file's type from its name the way people write names: the extension in any
// case, a trailing space ignored. Since ingest now fires for every upload under submissions/,
// these names reach the guard, and its answer is what the uploader gets.
import { describe, expect, it } from 'vitest';
import { guardUpload } from '../../../../shared/ingest/guard/guard.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { workbookOf } from '../helpers/plain-workbook.ts';

const guard = (bytes: Buffer, name: string) => guardUpload(bytes, name, DEFAULT_LIMITS);
const CSV = Buffer.from('Year,GDP\n2025,40000\n', 'utf8');

describe('guardUpload on the names people give their files', () => {
  it.each(['figures.Csv', 'figures.CSV', 'figures.csv ', 'figures.cSv  '])('reads %j as CSV', async (name) => {
    expect(await guard(CSV, name)).toEqual({ ok: true, kind: 'csv' });
  });

  it.each(['figures.Xlsx', 'figures.xlsx ', 'Estonia 2026.XLSX\t'])('reads %j as a workbook', async (name) => {
    const bytes = await workbookOf({ Data: [['Year', 'GDP'], [2025, 40_000]] });
    expect(await guard(bytes, name)).toEqual({ ok: true, kind: 'xlsx' });
  });

  it.each([
    ['figures.PDF', '.pdf', 'A PDF cannot be read'],
    ['figures.pdf ', '.pdf', 'A PDF cannot be read'],
    ['figures.XLSB', '.xlsb', 'Save As'],
    ['figures.Numbers', '.numbers', 'In Numbers use File > Export To > Excel'],
  ])('refuses %j as %s, with the hint for that type', async (name, found, hint) => {
    // Act
    const result = await guard(CSV, name);
    // Assess
    const finding = result.ok ? null : result.findings[0];
    expect([finding?.code, finding?.found]).toEqual(['unsupported-type', found]);
    expect(finding?.message).toContain(hint);
  });

  it.each([
    ['figures.XLS', 'legacy-xls'],
    ['figures.Xlsm ', 'macro-enabled'],
    ['figures.ODS', 'ods-not-supported'],
  ])('refuses %j with its own finding, whatever the case or a trailing space', async (name, code) => {
    const result = await guard(CSV, name);
    expect(result.ok ? [] : result.findings.map((f) => f.code)).toEqual([code]);
  });
});
