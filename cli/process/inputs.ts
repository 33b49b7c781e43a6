// The files `process` takes from its PATH arguments: a file named explicitly is taken whatever
// its type (so a .xls gets its refusal); a folder gives its .xlsx and .csv files, searched
// recursively, without Office's lock files (~$name).
import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../command.ts';

const SUBMISSION_EXTENSIONS = /\.(xlsx|csv)$/i;

/** Absolute paths, sorted, each once; a path that does not exist is a usage error. */
const collectSubmissionFiles = async (paths: readonly string[], cwd: string): Promise<string[]> => {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const full = resolve(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && SUBMISSION_EXTENSIONS.test(e.name) && !e.name.startsWith('~$')) found.add(full);
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    const s = await stat(full).catch(() => null);
    if (!s) throw new UsageError(`no such file or folder: ${p}`);
    if (s.isDirectory()) await walk(full);
    else found.add(full);
  }
  return [...found].sort();
};

export { collectSubmissionFiles };
