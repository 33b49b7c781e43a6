import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { main } from '../../cli/main.ts';
import { HAGUE_2025, RulesSchema } from '../../shared/model/index.ts';
import { capturingIo } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp.ts';

const workDir = tempDirs('dualtrack-rules-').make;

describe('dualtrack rules', () => {
  it('prints the default rules as JSON that parses back to the same rules', async () => {
    // Prepare
    const { io, out } = capturingIo(workDir());

    // Act
    const code = await main(['rules'], io);

    // Assess
    expect(code).toBe(0);
    expect(RulesSchema.parse(JSON.parse(out.join('\n')))).toEqual(HAGUE_2025);
  });

  it('checks a rules file given relative to the working directory and prints it with defaults filled in', async () => {
    // Prepare
    const dir = workDir();
    const { overrides: _omitted, ...withoutOverrides } = HAGUE_2025;
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ ...withoutOverrides, id: 'strict', targetYear: 2030 }));
    const { io, out } = capturingIo(dir);

    // Act
    const code = await main(['rules', '--file', 'strict.json'], io);

    // Assess
    const printed = RulesSchema.parse(JSON.parse(out.join('\n')));
    expect(code).toBe(0);
    expect(printed.id).toBe('strict');
    expect(printed.targetYear).toBe(2030);
    expect(printed.overrides).toEqual({});
  });

  it('names the file and the bad field of an invalid rules file, with exit code 1', async () => {
    // Prepare
    const dir = workDir();
    const bad = { ...HAGUE_2025, tracks: { ...HAGUE_2025.tracks, core: { target: 'high' } } };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const { io, out, err } = capturingIo(dir);

    // Act
    const code = await main(['rules', '--file', 'bad.json'], io);

    // Assess
    const message = err.join('\n');
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(message).toContain(join(dir, 'bad.json'));
    expect(message).toContain('tracks.core.target');
  });

  it('names the field a rules file breaks when only a cross-field check fails', async () => {
    // Prepare
    const dir = workDir();
    writeFileSync(join(dir, 'backwards.json'), JSON.stringify({ ...HAGUE_2025, targetYear: 2020 }));
    const { io, err } = capturingIo(dir);

    // Act
    const code = await main(['rules', '--file', 'backwards.json'], io);

    // Assess
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/targetYear: targetYear must be after baselineYear/);
  });

  it('reports a rules file that does not exist, naming it, with exit code 1', async () => {
    // Prepare
    const dir = workDir();
    const { io, err } = capturingIo(dir);

    // Act
    const code = await main(['rules', '--file', 'missing.json'], io);

    // Assess
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(join(dir, 'missing.json'));
  });

  it('treats an unknown flag as bad usage', async () => {
    // Prepare
    const { io, err } = capturingIo(workDir());

    // Act
    const code = await main(['rules', '--fiel', 'x.json'], io);

    // Assess
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/^dualtrack rules: unknown option --fiel .*the known options are --rules, --file, -h\/--help; see `npm run dualtrack -- rules --help`$/);
  });
});
