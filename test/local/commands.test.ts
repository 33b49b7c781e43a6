// The upload and recompute commands' refusals, before anything is sent anywhere.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/command.ts';

const captureIo = (cwd: string): CliIo & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), cwd, env: process.env, lines };
};

describe('the upload and recompute commands', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dualtrack-cmd-'));
    await writeFile(join(dir, 'a.csv'), 'x\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['upload', ['a.csv']],
    ['upload', ['a.csv', '--ally', 'ESTONIA']],
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
    const io = captureIo(dir);
    // Act
    const code = await main([name, ...args], io);
    // Assess
    expect(code).toBe(2);
    expect(io.lines.join('\n')).toContain(`Usage: npm run dualtrack -- ${name}`);
  });
});
