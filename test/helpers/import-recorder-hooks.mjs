// Loader hooks of import-recorder.mjs: record each resolved URL, resolve as usual.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const log = process.env.DUALTRACK_IMPORT_LOG;
  if (log) appendFileSync(log, `${result.url}\n`);
  return result;
}
