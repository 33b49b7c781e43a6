// A second surface of the pipeline, for the publisher and recompute functions: the publishing
// flows without processUpload, so their bundles leave out the submission reader (the ingest
// code, its zip guard and its tables) that only the ingest function runs.
export { publish, recompute, referenceFromFx } from './publish.ts';
export { rebuildCurrent } from './current-store.ts';
export { repairStore } from './repair.ts';
export type { ClaimPolicy } from './release-claim.ts';
export { PublishOutcomeSchema } from './publish-outcome.ts';
export type { PublishOutcome } from './publish-outcome.ts';
export type { PublishInput, PublishReference } from './publish.ts';
