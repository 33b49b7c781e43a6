import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { ReceiptSchema } from '../../shared/model/index.ts';
import { capturingIo } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp.ts';
import { consistentYear, consistentYears, filledTemplate } from '../shared/ingest/helpers/submissions.ts';

const temp = tempDirs('dualtrack-check-');
/** A fresh working directory holding the given files. */
const workDir = (files: Record<string, Buffer> = {}): string => {
  const dir = temp.make();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
};

// The consistent years are right for an upload late in 2026.
const AS_OF = ['--as-of', '2026-11-27'];

describe('dualtrack check', () => {
  it('accepts a filled template with no findings and exits 0', async () => {
    // Prepare
    const { io, out } = capturingIo(workDir({ 'france.xlsx': await filledTemplate() }));
    // Act
    const code = await main(['check', 'france.xlsx', ...AS_OF], io);
    // Assess
    expect(code).toBe(0);
    expect(out.join('\n').split('\n')).toEqual(['france.xlsx: ACCEPTED (FRA, 2024-2027, 4 record(s); 0 error(s), 0 warning(s), 0 note(s))']);
  });

  it('prints each finding as severity, place, code and message, and exits 1 on a rejection', async () => {
    // Prepare: a negative GDP in 2024 (D6) and an actual for 2027 (B9).
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2024: { ...consistentYear(2024, 'actual'), gdp: -5 }, 2027: consistentYear(2027, 'actual') });
    const { io, out } = capturingIo(workDir({ 'france.xlsx': bytes }));
    // Act
    const code = await main(['check', 'france.xlsx', '--ally', 'fra', ...AS_OF], io);
    // Assess
    const lines = out.join('\n').split('\n');
    expect(code).toBe(1);
    expect(lines[0]).toBe('france.xlsx: REJECTED (FRA, 2024-2027, 0 record(s); 2 error(s), 0 warning(s), 0 note(s))');
    expect(lines.slice(1).map((l) => l.trim().split(/ {2,}/).slice(0, 3))).toEqual([
      ['error', 'Data!D6', 'negative-value'],
      ['error', 'Data!B9', 'actual-in-future'],
    ]);
  });

  it('exits 0 when there are only warnings', async () => {
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2025: consistentYear(2025, 'plan') });
    const { io, out } = capturingIo(workDir({ 'france.xlsx': bytes }));
    expect(await main(['check', 'france.xlsx', ...AS_OF], io)).toBe(0);
    expect(out.join('\n').split('\n')[0]).toMatch(/^france\.xlsx: ACCEPTED WITH WARNINGS \(FRA, .*; 0 error\(s\), 1 warning\(s\)/);
  });

  it('prints the receipt as JSON with --json', async () => {
    const { io, out } = capturingIo(workDir({ 'france.xlsx': await filledTemplate() }));
    const code = await main(['check', 'france.xlsx', '--json', ...AS_OF], io);
    const receipt = ReceiptSchema.parse(JSON.parse(out.join('\n')));
    expect([code, receipt.status, receipt.file, receipt.records.length]).toEqual([0, 'accepted', 'france.xlsx', 4]);
  });

  it('takes the ally the workbook names by default, and rejects it under another one', async () => {
    const dir = workDir({ 'germany.xlsx': await filledTemplate('DEU') });
    const byDefault = capturingIo(dir);
    const underFrance = capturingIo(dir);
    expect(await main(['check', 'germany.xlsx', ...AS_OF], byDefault.io)).toBe(0);
    expect(await main(['check', 'germany.xlsx', '--ally', 'FRA', ...AS_OF], underFrance.io)).toBe(1);
    expect(byDefault.out.join('\n').split('\n')[0]).toMatch(/^germany\.xlsx: ACCEPTED \(DEU,/);
    expect(underFrance.out.join('\n')).toContain('ally-mismatch');
  });

  it('writes the annotated copy when asked', async () => {
    const bytes = await filledTemplate('FRA', { ...consistentYears(), 2027: consistentYear(2027, 'actual') });
    const dir = workDir({ 'france.xlsx': bytes });
    const { io } = capturingIo(dir);
    await main(['check', 'france.xlsx', '--annotated', 'marked.xlsx', ...AS_OF], io);
    expect(existsSync(join(dir, 'marked.xlsx'))).toBe(true);
  });

  it('exits 1 for a file the guard refuses', async () => {
    const { io, out } = capturingIo(workDir({ 'figures.xls': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }));
    expect(await main(['check', 'figures.xls'], io)).toBe(1);
    expect(out.join('\n')).toMatch(/error\s+-\s+legacy-xls/);
  });

  it.each([
    ['a missing file', ['check', 'nowhere.xlsx'], /cannot read/],
    ['no file at all', ['check'], /missing required argument 'FILE'/],
    ['an unknown ally code', ['check', 'x.xlsx', '--ally', 'XYZ'], /unknown ally "XYZ"/],
    ['an unknown option', ['check', 'x.xlsx', '--verbose'], /unknown option --verbose; the known options are --ally, --json, --annotated, --as-of, --rules, -h\/--help/],
    ['a bad --as-of date', ['check', 'x.xlsx', '--as-of', 'tomorrow'], /YYYY-MM-DD/],
  ])('exits 2 on bad usage: %s', async (_name, args, message) => {
    const { io, err } = capturingIo(workDir({ 'x.xlsx': Buffer.from('x') }));
    expect(await main(args, io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });
});
