// Third surface of functions/common: what a handler that reads neither the rules nor the
// publisher's pieces needs (S3 events, errors, key decoding, storage, the logger's type). Apart
// from index.ts, whose config.ts loads the config loader and through it the report renderers
// (exceljs): the portal and notify bundles would carry them for nothing.
export { FunctionError, RecordFailedError } from './errors.ts';
export { S3EventSchema, S3TestEventSchema, parseEvent } from './events.ts';
export type { S3EventRecord } from './events.ts';
export type { Log } from './logger.ts';
export { decodeS3Key } from './s3-key.ts';
export { createFunctionStorage } from './storage.ts';
