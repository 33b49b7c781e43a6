// Runs LibreOffice headless to convert files in tests. CI installs it (.ci/run); when it is
// missing the test fails with a clear message instead of silently skipping.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

const findSoffice = (): string => {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'LibreOffice (soffice) is needed by this test but was not found. Install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui',
    );
  }
  return found;
};

/** Converts `bytes` (named `fileName`) with `soffice --convert-to <target>`; returns the output bytes. */
const convertWithSoffice = async (bytes: Buffer, fileName: string, target: string): Promise<Buffer> => {
  const soffice = findSoffice();
  const dir = await mkdtemp(join(tmpdir(), 'dualtrack-soffice-'));
  try {
    const input = join(dir, fileName);
    await writeFile(input, bytes);
    const outDir = join(dir, 'out');
    await run(
      soffice,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', target, '--outdir', outDir, input],
      { timeout: 120_000 },
    );
    const ext = target.split(':')[0] ?? target;
    return await readFile(join(outDir, `${basename(fileName, extname(fileName))}.${ext}`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export { findSoffice, convertWithSoffice };
