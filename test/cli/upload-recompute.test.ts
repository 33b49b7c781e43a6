// The upload and recompute commands' refusals, before anything is sent anywhere.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { capturingIo } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp.ts';

describe('the upload and recompute commands', () => {
  const temp = tempDirs('dualtrack-cmd-', 'all');
  let dir: string;
  beforeAll(async () => {
    dir = temp.make();
    await writeFile(join(dir, 'a.csv'), 'x\n');
  });

  it.each([
    ['upload', ['a.csv']],
    ['upload', ['a.csv', '--ally', 'XYZ']],
    ['upload', ['--ally', 'EST']],
    ['upload', ['a.csv', 'b.csv', '--ally', 'EST']],
    ['upload', ['a.csv', '--ally', 'EST', '--endpoint', 'http://127.0.0.1:9', '--stack', 'Dualtrack']],
    ['upload', ['a.csv', '--ally', 'EST', '--timeout', 'soon']],
    ['upload', ['missing.csv', '--ally', 'EST']],
    ['recompute', ['--reporting-year', '26']],
    ['recompute', ['--reason', '']],
    ['recompute', ['--endpoint', 'http://127.0.0.1:9', '--stack', 'Dualtrack']],
    ['recompute', ['now']],
  ])('%s refuses %j as bad usage (exit 2)', async (name, args) => {
    // Prepare
    const { io, lines } = capturingIo(dir, process.env);
    // Act
    const code = await main([name, ...args], io);
    // Assess
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^dualtrack ${name}: .*; see \`npm run dualtrack -- ${name} --help\`$`));
  });
});
