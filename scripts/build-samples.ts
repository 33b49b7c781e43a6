// Builds samples/<ISO3>-<name>.xlsx|.csv for the 31 allies with armed forces from the NATO
// figures in samples/source/nato-def-exp-2024.json, plus illustrative plans to 2035.
// Run: npx tsx scripts/build-samples.ts [--only DEU,FRA]
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSample } from './samples/build.ts';
import { loadSampleSource } from './samples/source.ts';

const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
  const only = values.only ? new Set(values.only.toUpperCase().split(',')) : null;
  const source = await loadSampleSource();
  await mkdir(SAMPLES_DIR, { recursive: true });
  const existing = await readdir(SAMPLES_DIR);
  for (const ally of source.allies) {
    if (only && !only.has(ally.iso3)) continue;
    const { file, bytes } = await buildSample(ally);
    // A layout change renames the file: drop the ally's older sample so only one remains.
    for (const old of existing.filter((f) => f.startsWith(`${ally.iso3}-`) && f !== file)) await rm(join(SAMPLES_DIR, old));
    await writeFile(join(SAMPLES_DIR, file), bytes);
    process.stdout.write(`${file}\n`);
  }
};

await main();
