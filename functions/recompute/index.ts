// Public surface of the recompute function: its handler factory, which the Lambda entry
// (lambda.ts) and the local cloud's recompute route wire to their own storage.
export { createRecomputeHandler } from './handler.ts';
export type { RecomputeDeps, RecomputeRequest } from './handler.ts';
