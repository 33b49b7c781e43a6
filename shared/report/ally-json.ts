// allies/<ISO3>.json: one ally's history with the release header, for readers who follow one
// country and do not want the whole dataset.
import * as z from 'zod';
import { DATASET_SCHEMA_VERSION, DatasetAllySchema, ReleaseHeaderSchema } from './dataset.ts';
import type { ComplianceDataset } from './dataset.ts';
import { UnknownAllyError } from './errors.ts';
import { NoteSchema } from './notes.ts';

const AllyFileSchema = z.strictObject({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  release: ReleaseHeaderSchema,
  ally: DatasetAllySchema,
  notes: z.array(NoteSchema),
});

type AllyFile = z.infer<typeof AllyFileSchema>;

const allyFile = (dataset: ComplianceDataset, iso3: string): AllyFile => {
  const ally = dataset.allies.find((a) => a.iso3 === iso3);
  if (!ally) throw new UnknownAllyError(iso3);
  return { schemaVersion: dataset.schemaVersion, release: dataset.release, ally, notes: dataset.notes };
};

/** allies/<ISO3>.json for one ally; throws UnknownAllyError for an ally the dataset lacks. */
const renderAllyJson = (dataset: ComplianceDataset, iso3: string): Buffer =>
  Buffer.from(`${JSON.stringify(allyFile(dataset, iso3), null, 2)}\n`, 'utf8');

export { AllyFileSchema, allyFile, renderAllyJson };
export type { AllyFile };
