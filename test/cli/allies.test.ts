import { describe, it, expect } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/command.ts';
import { AllyRefSchema } from '../../shared/reference/index.ts';

const capturingIo = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd(), env: {} };
  return { io, out, err };
};

describe('dualtrack allies', () => {
  it('prints a table with a header, a rule and one line per ally', async () => {
    // Prepare
    const { io, out } = capturingIo();

    // Act
    const code = await main(['allies'], io);

    // Assess
    const lines = out.join('\n').split('\n');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^ISO3\s+English name\s+French name\s+Currency\s+Accession\s+Euro changeover$/);
    expect(lines).toHaveLength(2 + 32);
    expect(new Set(lines.slice(2).map((l) => l.slice(0, 3))).size).toBe(32);
  });

  it('shows each ally\'s names, currency of today, accession and euro changeover on its line', async () => {
    // Prepare
    const { io, out } = capturingIo();

    // Act
    await main(['allies'], io);

    // Assess
    const lines = out.join('\n').split('\n');
    const bulgaria = lines.find((l) => l.startsWith('BGR'))?.split(/\s{2,}/);
    const montenegro = lines.find((l) => l.startsWith('MNE'))?.split(/\s{2,}/);
    expect(bulgaria).toEqual(['BGR', 'Bulgaria', 'Bulgarie', 'EUR', '2004', '2026-01-01 (1.95583 BGN = 1 EUR)']);
    expect(montenegro).toEqual(['MNE', 'Montenegro', 'Monténégro', 'EUR', '2017']);
  });

  it('prints the 32 reference records as JSON with --json', async () => {
    // Prepare
    const { io, out } = capturingIo();

    // Act
    const code = await main(['allies', '--json'], io);

    // Assess
    const allies = AllyRefSchema.array().parse(JSON.parse(out.join('\n')));
    expect(code).toBe(0);
    expect(allies).toHaveLength(32);
    expect(allies.find((a) => a.iso3 === 'TUR')?.aliases).toContain('Turkey');
  });

  it('treats a positional argument as bad usage', async () => {
    // Prepare
    const { io, err } = capturingIo();

    // Act
    const code = await main(['allies', 'FRA'], io);

    // Assess
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('Usage: npm run dualtrack -- allies');
  });
});
