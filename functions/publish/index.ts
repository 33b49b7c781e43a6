// Public surface of the publish function: its handler factory, which the Lambda entry
// (lambda.ts) and the local cloud wire to their own storage.
export { createPublishHandler } from './handler.ts';
export type { PublishDeps } from './handler.ts';
