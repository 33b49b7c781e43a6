// Builds samples/<ISO3>-<name>.xlsx|.csv for the 31 allies with armed forces from the NATO
// figures in samples/source/nato-def-exp-2024.json, plus illustrative plans to 2035.
// Run: npx tsx scripts/build-samples.ts [--only DEU,FRA]
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HAGUE_2025 } from '../shared/model/rules.ts';
import { allyByIso3, euroChangeover } from '../shared/reference/index.ts';
import { SAMPLES_AS_OF_YEAR, layoutFor, sampleFileName } from './samples/catalogue.ts';
import type { SampleLayout } from './samples/catalogue.ts';
import { restateAfterChangeover, sampleYears } from './samples/figures.ts';
import type { SampleYear } from './samples/figures.ts';
import { foreignCsv, foreignWorkbook } from './samples/layouts.ts';
import { PLAN_PROFILES } from './samples/plans.ts';
import { loadSampleSource } from './samples/source.ts';
import { templateWorkbook } from './samples/template.ts';

const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

const render = async (iso3: string, years: SampleYear[], layout: SampleLayout): Promise<Buffer> => {
  switch (layout.kind) {
    case 'template':
      return templateWorkbook(iso3, years, layout.lang);
    case 'xlsx':
      return foreignWorkbook(years, layout.layout);
    case 'csv':
      return foreignCsv(years, layout.layout);
  }
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
  const only = values.only ? new Set(values.only.toUpperCase().split(',')) : null;
  const source = await loadSampleSource();
  await mkdir(SAMPLES_DIR, { recursive: true });
  const existing = await readdir(SAMPLES_DIR);
  for (const ally of source.allies) {
    if (only && !only.has(ally.iso3)) continue;
    const ref = allyByIso3(ally.iso3);
    const profile = PLAN_PROFILES[ally.iso3];
    if (!ref || !profile) throw new Error(`No reference data or plan profile for ${ally.iso3}`);
    const layout = layoutFor(ally.iso3);
    const file = sampleFileName(ally.iso3, ref.nameEn, layout);
    const years = restateAfterChangeover(
      sampleYears(ally, profile, HAGUE_2025, SAMPLES_AS_OF_YEAR),
      ally.currency === 'EUR' ? null : euroChangeover(ally.iso3),
    );
    // A layout change renames the file: drop the ally's older sample so only one remains.
    for (const old of existing.filter((f) => f.startsWith(`${ally.iso3}-`) && f !== file)) await rm(join(SAMPLES_DIR, old));
    await writeFile(join(SAMPLES_DIR, file), await render(ally.iso3, years, layout));
    process.stdout.write(`${file}\n`);
  }
};

await main();
