// A small world for publish tests: four real allies (so the engine and renderers see real
// reference data, but the default reporting year's "half of the allies" is two) and a way to
// drop stored submissions straight into the data bucket, as ingest stores them: archived, then
// added to the ally's current figures.
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { recordAccepted, referenceFromFx } from '../../shared/pipeline/index.ts';
import type { PublishInput, PublishReference } from '../../shared/pipeline/index.ts';
import { ALLIES, loadFxTable } from '../../shared/reference/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { dataKeys } from '../../shared/storage/index.ts';
import { makeStoredSubmission } from './stored-submissions.ts';
import type { SubmissionSpec } from './stored-submissions.ts';

const FOUR = ['DEU', 'EST', 'FRA', 'POL'];

const smallReference = (): PublishReference =>
  referenceFromFx(
    loadFxTable(),
    ALLIES.filter((a) => FOUR.includes(a.iso3)),
  );

const storeSubmission = async (storage: Storage, spec: SubmissionSpec): Promise<void> => {
  const s = makeStoredSubmission(spec);
  await storage.put('data', dataKeys.submission(s.ally, s.submissionId), JSON.stringify(s));
  await recordAccepted(storage, s);
};

const publishInput = (storage: Storage, overrides: Partial<PublishInput> = {}): PublishInput => ({
  storage,
  rules: HAGUE_2025,
  reference: smallReference(),
  trigger: 'cli',
  now: new Date('2026-11-27T03:00:00.000Z'),
  ...overrides,
});

export { smallReference, storeSubmission, publishInput, FOUR };
