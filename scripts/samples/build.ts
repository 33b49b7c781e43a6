// One ally's sample file, name and bytes, from the source figures: what scripts/build-samples.ts
// writes, and what the tests rebuild to check the committed files are up to date.
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { allyByIso3, euroChangeover } from '../../shared/reference/index.ts';
import { SAMPLES_AS_OF_YEAR, layoutFor, sampleFileName } from './catalogue.ts';
import type { SampleLayout } from './catalogue.ts';
import { restateAfterChangeover, sampleYears } from './figures.ts';
import type { SampleYear } from './figures.ts';
import { foreignCsv, foreignWorkbook } from './layouts.ts';
import { PLAN_PROFILES } from './plans.ts';
import type { SourceAlly } from './source.ts';
import { templateWorkbook } from './template.ts';

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

/** The rows of one ally's sample, in the currency each row is written in. */
const sampleRows = (ally: SourceAlly): SampleYear[] => {
  const profile = PLAN_PROFILES[ally.iso3];
  if (!profile) throw new Error(`No plan profile for ${ally.iso3}`);
  return restateAfterChangeover(
    sampleYears(ally, profile, HAGUE_2025, SAMPLES_AS_OF_YEAR),
    ally.currency === 'EUR' ? null : euroChangeover(ally.iso3),
  );
};

const buildSample = async (ally: SourceAlly): Promise<{ file: string; bytes: Buffer }> => {
  const ref = allyByIso3(ally.iso3);
  if (!ref) throw new Error(`No reference data for ${ally.iso3}`);
  const layout = layoutFor(ally.iso3);
  return { file: sampleFileName(ally.iso3, ref.nameEn, layout), bytes: await render(ally.iso3, sampleRows(ally), layout) };
};

export { buildSample, sampleRows };
