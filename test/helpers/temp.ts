// Temporary folders for a test file, removed by a hook this helper registers where it is called.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

interface TempDirs {
  /** A fresh empty folder under the system temp dir, its name starting with the prefix. */
  make: () => string;
  /** Removes every folder made so far; the registered hook calls it. */
  cleanup: () => Promise<void>;
}

/**
 * Call at the top of a test file or inside a describe: the folders are removed after each test
 * (`afterEach`, the default) or once after all of them (`afterAll`, for folders a beforeAll makes).
 */
const tempDirs = (prefix: string, removeAfter: 'each' | 'all' = 'each'): TempDirs => {
  const dirs: string[] = [];
  const make = (): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  const cleanup = async (): Promise<void> => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  };
  if (removeAfter === 'each') afterEach(cleanup);
  else afterAll(cleanup);
  return { make, cleanup };
};

export { tempDirs };
export type { TempDirs };
