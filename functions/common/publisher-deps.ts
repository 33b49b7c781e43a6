// What the publisher and the recompute function share: the same store, logger and source of
// rules and rates (the store's config/, see config.ts), and a publish flow a test can replace.
import type { Rules } from '../../shared/model/index.ts';
import type { ClaimPolicy, PublishInput, PublishOutcome, PublishReference } from '../../shared/pipeline/publishing.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { readPublishConfig } from './env.ts';
import { createLogger } from './logger.ts';
import type { Log } from './logger.ts';
import { createS3Client } from './s3-client.ts';
import { createFunctionStorage } from './storage.ts';

interface PublisherDeps {
  storage: Storage;
  /** Fixed rules (tests); deployed, the store's config/rules.json or the shipped default is read each time. */
  rules?: Rules;
  /** A fixed reference (tests); deployed, built from the store's config/fx-rates.json or the shipped table. */
  reference?: PublishReference;
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
    logger: createLogger(),
  };
};

export { publisherDepsFromEnv };
export type { PublisherDeps };
