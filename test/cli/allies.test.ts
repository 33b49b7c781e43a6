import { describe, it, expect } from 'vitest';
import { AllyRefSchema } from '../../shared/reference/index.ts';
import { runCli } from '../helpers/cli.ts';

describe('dualtrack allies', () => {
  it('prints a table with a header, a rule and one line per ally', async () => {
    // Act
    const { code, out } = await runCli(['allies'], { cwd: process.cwd() });

    // Assess
    const lines = out.split('\n');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^ISO3\s+English name\s+French name\s+Currency\s+Accession\s+Euro changeover$/);
    expect(lines).toHaveLength(2 + 32);
    expect(new Set(lines.slice(2).map((l) => l.slice(0, 3))).size).toBe(32);
  });

  it('shows each ally\'s names, currency of today, accession and euro changeover on its line', async () => {
    // Act
    const { out } = await runCli(['allies'], { cwd: process.cwd() });

    // Assess
    const lines = out.split('\n');
    const bulgaria = lines.find((l) => l.startsWith('BGR'))?.split(/\s{2,}/);
    const montenegro = lines.find((l) => l.startsWith('MNE'))?.split(/\s{2,}/);
    expect(bulgaria).toEqual(['BGR', 'Bulgaria', 'Bulgarie', 'EUR', '2004', '2026-01-01 (1.95583 BGN = 1 EUR)']);
    expect(montenegro).toEqual(['MNE', 'Montenegro', 'Monténégro', 'EUR', '2017']);
  });

  it('prints the 32 reference records as JSON with --json', async () => {
    // Act
    const { code, out } = await runCli(['allies', '--json'], { cwd: process.cwd() });

    // Assess
    const allies = AllyRefSchema.array().parse(JSON.parse(out));
    expect(code).toBe(0);
    expect(allies).toHaveLength(32);
    expect(allies.find((a) => a.iso3 === 'TUR')?.aliases).toContain('Turkey');
  });

  it('treats a positional argument as bad usage', async () => {
    // Act
    const { code, err } = await runCli(['allies', 'FRA'], { cwd: process.cwd() });

    // Assess
    expect(code).toBe(2);
    expect(err).toBe('dualtrack allies: too many arguments: it takes none, got FRA; see `npm run dualtrack -- allies --help`');
  });
});
