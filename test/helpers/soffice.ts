// LibreOffice headless for tests. CI installs it (.ci/run); when it is missing the test fails
// with what to install instead of silently skipping.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'];

/** Path of LibreOffice; throws (so the test fails, never skips) when it is not installed. */
const sofficePath = (): string => {
  const found = SOFFICE.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      'LibreOffice (soffice) is required by this test but was not found. Install it: apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui',
    );
  return found;
};

/**
 * Converts `bytes` (saved as `fileName`) with `soffice --convert-to <filter>` in a fresh folder
 * with its own profile, so parallel runs don't collide; returns every file LibreOffice wrote, by
 * name (a CSV filter for all sheets writes one file per sheet).
 */
const sofficeConvert = async (bytes: Buffer, fileName: string, filter: string, timeoutMs = 120_000): Promise<Map<string, Buffer>> => {
  const soffice = sofficePath();
  const dir = await mkdtemp(join(tmpdir(), 'dualtrack-soffice-'));
  try {
    const input = join(dir, fileName);
    await writeFile(input, bytes);
    const outDir = join(dir, 'out');
    await run(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', outDir, input], {
      timeout: timeoutMs,
    });
    const written = existsSync(outDir) ? await readdir(outDir) : [];
    return new Map(await Promise.all(written.map(async (name) => [name, await readFile(join(outDir, name))] as const)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** Converts `bytes` (named `fileName`) with `soffice --convert-to <target>`; returns the output bytes. */
const convertWithSoffice = async (bytes: Buffer, fileName: string, target: string): Promise<Buffer> => {
  const ext = target.split(':')[0] ?? target;
  const expected = `${basename(fileName, extname(fileName))}.${ext}`;
  const written = await sofficeConvert(bytes, fileName, target);
  const output = written.get(expected);
  if (!output) throw new Error(`LibreOffice wrote no ${expected} (it wrote: ${[...written.keys()].join(', ') || 'nothing'})`);
  return output;
};

export { sofficePath, sofficeConvert, convertWithSoffice };
