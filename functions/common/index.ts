// Public surface of what the three handlers and the local cloud share: event schemas, errors,
// the observer hook, publish requests, S3 key decoding, storage over a client, and where the
// rules and rates of an invocation come from (config.ts). What only a
// Lambda entry wires in (configuration from the environment, logger, AWS clients) is the second
// surface lambda-wiring.ts, so the local cloud loads no SQS client or Lambda logger.
export { ingestRules, publishConfig } from './config.ts';
export type { ConfigDeps } from './config.ts';
export { FunctionError, ConfigError, InvalidEventError, RecordFailedError, PublishRequestError } from './errors.ts';
export { S3EventSchema, S3TestEventSchema, SqsEventSchema, SchedulerPayloadSchema, ScheduledEventSchema, ManualPayloadSchema, parseEvent } from './events.ts';
export type { S3EventRecord, SqsRecord, ManualPayload } from './events.ts';
export type { Log } from './logger.ts';
export type { HandlerObserver, ReceiptReport, PublishReport } from './observer.ts';
export type { RequestPublish } from './publish-queue.ts';
export { PublishRequestSchema } from './publish-request.ts';
export type { PublishRequest } from './publish-request.ts';
export type { PublisherDeps } from './publisher-deps.ts';
export { decodeS3Key, encodeS3Key } from './s3-key.ts';
export { createFunctionStorage } from './storage.ts';
export type { FunctionBuckets } from './storage.ts';
