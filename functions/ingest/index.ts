// Public surface of the ingest function: its handler factory, which the Lambda entry
// (lambda.ts) and the local cloud wire to their own storage and queue.
export { createIngestHandler } from './handler.ts';
export type { IngestDeps } from './handler.ts';
