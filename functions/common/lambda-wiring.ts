// Second surface of functions/common: what a Lambda entry (functions/<fn>/lambda.ts) wires into
// its handler, namely configuration from the environment, the logger and the AWS clients. Apart
// from index.ts because it loads the SQS client and the Lambda logger, which the local cloud
// does without.
export { IngestEnvSchema, PublishEnvSchema, readIngestConfig, readPublishConfig, readPortalConfig, readNotifyConfig } from './env.ts';
export type { IngestConfig, PublishConfig, PortalConfig, NotifyConfig } from './env.ts';
export { createLogger } from './logger.ts';
export { createSqsPublishRequester } from './publish-queue.ts';
export { publisherDepsFromEnv } from './publisher-deps.ts';
export { createS3Client } from './s3-client.ts';
