// Public surface of the recompute function: its handler factory and the events it accepts,
// which the Lambda entry (lambda.ts) and the local cloud's recompute route share.
export { createRecomputeHandler, RecomputeEventSchema } from './handler.ts';
export type { RecomputeDeps, RecomputeRequest } from './handler.ts';
