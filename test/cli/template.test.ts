import { describe, it, expect, beforeEach } from 'vitest';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSubmission, DEFAULT_LIMITS } from '../../shared/ingest/index.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-template-cli-');
let dir: string;

beforeEach(() => {
  dir = temp.make();
});

describe('dualtrack template', () => {
  it('writes a French template for the ally and years asked, relative to the working directory', async () => {
    // Act
    const { code, out } = await runCli(['template', '--ally', 'HRV', '--from', '2020', '--to', '2024', '--lang', 'fr', '-o', 'hrv.xlsx'], { cwd: dir });

    // Assess
    expect(code).toBe(0);
    const bytes = readFileSync(join(dir, 'hrv.xlsx'));
    const read = await readSubmission(bytes, 'hrv.xlsx', { limits: DEFAULT_LIMITS });
    expect([read.ally, read.layout, read.drafts, read.findings]).toEqual(['HRV', 'template', [], []]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const data = wb.getWorksheet('Données');
    expect([6, 7, 8, 9, 10].map((r) => [data?.getCell(`A${r}`).value, data?.getCell(`C${r}`).value])).toEqual([
      [2020, 'HRK'],
      [2021, 'HRK'],
      [2022, 'HRK'],
      [2023, 'EUR'],
      [2024, 'EUR'],
    ]);
    expect(out).toContain('Croatie (HRV), 2020-2024, fr');
  });

  it('refuses an unknown ally with exit code 2 and says why', async () => {
    // Act
    const { code, err } = await runCli(['template', '--ally', 'XYZ', '-o', 'x.xlsx'], { cwd: dir });

    // Assess
    expect(code).toBe(2);
    expect(err).toContain('unknown ally "XYZ"');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it.each([
    [['--from', '2030', '--to', '2020'], 'the first year comes after the last'],
    [['--from', '20x4'], '--from must be a four-digit year'],
    [['--to', '2300'], 'years must be whole numbers'],
    [['--lang', 'de'], '--lang must be one of en, fr, not "de"'],
    [['--colour', 'red'], 'unknown option --colour'],
  ])('refuses bad usage %j with exit code 2', async (extra, message) => {
    // Act
    const { code, err } = await runCli(['template', '--ally', 'BEL', '-o', 'bel.xlsx', ...extra], { cwd: dir });

    // Assess
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(existsSync(join(dir, 'bel.xlsx'))).toBe(false);
  });
});
