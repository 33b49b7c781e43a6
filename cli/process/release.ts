// The release step of `process`: publish from everything in the folder store, then read back
// the dataset now latest, for the standings on the terminal.
import type { Rules } from '../../shared/model/index.ts';
import { LOCAL_CLAIM_POLICY, publish } from '../../shared/pipeline/index.ts';
import type { PublishOutcome, PublishReference } from '../../shared/pipeline/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import type { ComplianceDataset } from '../../shared/report/index.ts';
import { BucketRole, publicKeys } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';

interface ReleaseInput {
  storage: Storage;
  rules: Rules;
  reference: PublishReference;
  reportingYear?: number;
  now: Date;
}

const readLatestDataset = async (storage: Storage): Promise<ComplianceDataset | null> => {
  const obj = await storage.get(BucketRole.public, publicKeys.latestFile(ReleaseManifest.dataset.path));
  if (!obj) return null;
  const parsed = ComplianceDatasetSchema.safeParse(JSON.parse(obj.body.toString('utf8')));
  return parsed.success ? parsed.data : null;
};

/** Publishes (a no-op when nothing changed) and returns the outcome with the latest dataset. */
const publishFromStore = async (input: ReleaseInput): Promise<{ outcome: PublishOutcome; dataset: ComplianceDataset | null }> => {
  const outcome = await publish({
    storage: input.storage,
    rules: input.rules,
    reference: input.reference,
    trigger: 'cli',
    ...(input.reportingYear === undefined ? {} : { reportingYear: input.reportingYear }),
    now: input.now,
    // Every publisher of a folder store runs on this machine: a claim whose process is gone is
    // taken over at once, and a live one (another `process` run) is waited for.
    claim: LOCAL_CLAIM_POLICY,
  });
  return { outcome, dataset: await readLatestDataset(input.storage) };
};

export { publishFromStore };
