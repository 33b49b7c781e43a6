// What the publisher and the recompute function share: the same store, rules, reference data
// and logger, and a publish flow a test can replace to make it fail.
import type { Rules } from '../../shared/model/index.ts';
import { referenceFromFx } from '../../shared/pipeline/index.ts';
import type { ClaimPolicy, PublishInput, PublishOutcome, PublishReference } from '../../shared/pipeline/index.ts';
import { loadFxTable } from '../../shared/reference/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { readPublishConfig } from './env.ts';
import { createLogger } from './logger.ts';
import type { Log } from './logger.ts';
import { createS3Client } from './s3-client.ts';
import { createFunctionStorage } from './storage.ts';

interface PublisherDeps {
  storage: Storage;
  rules: Rules;
  reference: PublishReference;
  logger: Log;
  now?: () => Date;
  /** The publish flow; replaceable so a test can make it fail. */
  publish?: (input: PublishInput) => Promise<PublishOutcome>;
  /** How release numbers are claimed; Lambda keeps the defaults, the local cloud passes LOCAL_CLAIM_POLICY. */
  claim?: Partial<ClaimPolicy>;
}

/** The deployed wiring, from the environment read once at cold start. */
const publisherDepsFromEnv = (): PublisherDeps & { logger: ReturnType<typeof createLogger> } => {
  const config = readPublishConfig();
  return {
    storage: createFunctionStorage(createS3Client(), config.buckets),
    rules: config.rules,
    reference: referenceFromFx(loadFxTable()),
    logger: createLogger(),
  };
};

export { publisherDepsFromEnv };
export type { PublisherDeps };
