// The command line's manners: help on every command, --version, unknown flags refused with the
// known ones, failures as one sentence (the stack only under DEBUG=dualtrack), a closed pipe
// ending quietly, and each command loading only its own modules. What depends on the process
// (exit codes, stderr, pipes, loaded modules) runs the real entry point as a child process.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/registry.ts';
import { runCli } from '../helpers/cli.ts';
import { PROJECT_ROOT, runEntry } from '../helpers/cli-process.ts';
import { tempDirs } from '../helpers/temp.ts';

const NAMES = COMMANDS.map((c) => c.name);
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const temp = tempDirs('dualtrack-manners-');

describe('the dualtrack command line', () => {
  it.each(NAMES.flatMap((name) => [[name, '--help'], [name, '-h'], ['help', name]]))('prints the usage for %s %s and exits 0', async (...words) => {
    // Act
    const { code, out, err } = await runCli(words, { cwd: PROJECT_ROOT });
    // Assess
    const name = words[0] === 'help' ? words[1] : words[0];
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(new RegExp(`^Usage: npm run dualtrack -- ${name} `));
    expect(out).toContain('-h, --help');
  });

  it('lists every command with its summary on --help', async () => {
    // Act
    const { code, out } = await runCli(['--help'], { cwd: PROJECT_ROOT });
    // Assess
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(out).toMatch(new RegExp(`^ {2}${c.name} +${c.summary.slice(0, 20).replace(/[()]/g, '\\$&')}`, 'm'));
  });

  it.each(NAMES)('%s refuses an unknown flag with the list of the known ones (exit 2)', async (name) => {
    // Act
    const { code, err } = await runCli([name, '--no-such-flag'], { cwd: PROJECT_ROOT });
    // Assess
    expect(code).toBe(2);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(new RegExp(`^dualtrack ${name}: unknown option --no-such-flag; the known options are (\\S+, )*-h/--help; see`));
  });

  it('prints its version from package.json with --version (exit 0)', async () => {
    // Act
    const run = await runEntry(['--version']);
    // Assess
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${VERSION}\n`, '']);
  });

  it('prints help through the real entry point and exits 0', async () => {
    // Act
    const run = await runEntry(['template', '--help']);
    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run dualtrack -- template \[options\]/);
    expect(run.stderr).toBe('');
  });

  it('exits 2 with one sentence on stderr for bad usage', async () => {
    // Act
    const run = await runEntry(['check', '--as-of', 'tomorrow', 'x.xlsx']);
    // Assess
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('dualtrack check: --as-of wants a date as YYYY-MM-DD, not "tomorrow"; see `npm run dualtrack -- check --help`\n');
  });

  describe('when a publish fails', () => {
    // The folder store's public/ is a file, so every write of the release fails.
    const brokenStore = async (): Promise<string> => {
      const dir = temp.make();
      await mkdir(join(dir, 'store'));
      await writeFile(join(dir, 'store', 'public'), 'not a folder');
      return dir;
    };
    const input = join(PROJECT_ROOT, 'samples', 'NOR-norway.csv');

    it('prints one sentence and exits 1, without a stack trace', async () => {
      // Prepare
      const dir = await brokenStore();
      // Act
      const run = await runEntry(['process', input, '-o', join(dir, 'store')]);
      // Assess
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
      expect(run.stderr).toMatch(/^dualtrack process: \S/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it('adds the stack and its causes under DEBUG=dualtrack', async () => {
      // Prepare
      const dir = await brokenStore();
      // Act
      const run = await runEntry(['process', input, '-o', join(dir, 'store')], { env: { DEBUG: 'dualtrack' } });
      // Assess
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^dualtrack process: \S/);
      expect(run.stderr).toMatch(/\n\s+at .*publish/);
    });
  });

  it('ends quietly when the reader of its output has gone (a closed pipe)', async () => {
    // Act: the read end of stdout is closed before the command writes its table.
    const run = await runEntry(['allies', '--json'], { closeStdout: true });
    // Assess: no EPIPE trace; the status a shell shows for a program ended by SIGPIPE.
    expect(run.stderr).toBe('');
    expect(run.code).toBe(141);
  });

  it.each([
    ['allies', []],
    ['check', ['--help']],
  ])('loads only the modules of the command it runs (%s)', async (name, rest) => {
    // Prepare
    const log = join(temp.make(), 'imports.txt');
    // Act
    const run = await runEntry([name, ...rest], {
      env: { DUALTRACK_IMPORT_LOG: log },
      nodeArgs: ['--import', join(PROJECT_ROOT, 'test', 'helpers', 'import-recorder.mjs')],
    });
    // Assess
    expect(run.code).toBe(0);
    const loaded = (await readFile(log, 'utf8')).split('\n');
    const commandModules = loaded.filter((url) => url.includes('/cli/commands/')).map((url) => url.replace(/^.*\/cli\/commands\//, ''));
    expect([...new Set(commandModules)]).toEqual([`${name}.ts`]);
    expect(loaded.filter((url) => /\/node_modules\/(@aws-sdk|s3rver|aws-cdk-lib)\//.test(url))).toEqual([]);
    if (name === 'allies') expect(loaded.filter((url) => url.includes('/node_modules/exceljs/'))).toEqual([]);
  });
});
