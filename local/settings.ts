// Defaults of the local cloud, spelt once. The bucket names follow the stack's roles; the
// delivery settings mirror the stack's SQS and async-invoke settings, scaled down to seconds so
// a burst on a laptop still collapses into one release without a 30-second wait.
import * as z from 'zod';
import type { BucketRole } from '../shared/stack/index.ts';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4568;
/** The runtime's folder, relative to the project root (gitignored). */
const DEFAULT_DIR = '.dualtrack';

const LOCAL_BUCKETS: Readonly<Record<BucketRole, string>> = {
  uploads: 'dualtrack-uploads',
  data: 'dualtrack-data',
  public: 'dualtrack-public',
};

/** s3rver accepts any credentials; clients still need some to sign with. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
const LOCAL_REGION = 'us-east-1';

/** The runtime's own HTTP routes share the S3 port; `_` cannot start a bucket name, so no clash. */
const CONTROL_PREFIX = '/_dualtrack/';
const ControlPath = { status: `${CONTROL_PREFIX}status`, recompute: `${CONTROL_PREFIX}recompute`, users: `${CONTROL_PREFIX}users` } as const;

/** Files under the runtime's folder. */
const LocalFiles = {
  s3: 's3',
  deadLetters: 'dead-letters.jsonl',
  functionLog: 'functions.log',
  /** Upload events in delivery (Lambda's event queue): taken up again after a kill. */
  uploadsInFlight: 'uploads-in-flight.jsonl',
  /** Publish requests in the queue (SQS): put back after a kill. */
  publishQueue: 'publish-queue.jsonl',
  /** Each receipt's notification (the stack's SNS message and e-mail): <id>.json and <id>.eml. */
  outbox: 'outbox',
} as const;

const DeliverySettingsSchema = z.strictObject({
  /** How long the publish consumer waits to gather a batch (the stack: 30 s). */
  batchWindowMs: z.number().int().nonnegative().default(1_000),
  /** The most publish requests in one batch (the stack: 100). */
  batchSize: z.number().int().positive().default(100),
  /** Receives before a publish request is parked as a dead letter (the stack: 5). */
  maxReceiveCount: z.number().int().positive().default(5),
  /** Attempts of one upload event before it is parked (Lambda async invoke: 1 + 2 retries). */
  ingestAttempts: z.number().int().positive().default(3),
  /** First retry delay; each further retry doubles it. */
  retryBaseMs: z.number().int().nonnegative().default(500),
});

type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;

/** Delay before retry number `attempt` (1 for the first retry). */
const backoffMs = (settings: Pick<DeliverySettings, 'retryBaseMs'>, attempt: number): number =>
  settings.retryBaseMs * 2 ** Math.max(0, attempt - 1);

export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_DIR,
  LOCAL_BUCKETS,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  CONTROL_PREFIX,
  ControlPath,
  LocalFiles,
  DeliverySettingsSchema,
  backoffMs,
};
export type { DeliverySettings };
