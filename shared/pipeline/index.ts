// Public surface of the pipeline: the flows the Lambda handlers and the CLI call.
export { StoredSubmissionSchema } from './stored-submission.ts';
export type { StoredSubmission } from './stored-submission.ts';
export { mergeSubmissions, uploadOrder } from './merge.ts';
export { vintagesOf } from './vintages.ts';
export { defaultReportingYear } from './reporting-year.ts';
export { writeRelease, readReleasesIndex } from './release-writer.ts';
export type { WriteReleaseInput } from './release-writer.ts';
export { PipelineError, ConflictError, CorruptStoreError } from './errors.ts';
export { processUpload } from './process-upload.ts';
export type { ProcessUploadInput, ProcessUploadOutcome } from './process-upload.ts';
export { publish, recompute, referenceFromFx, currentRecords, readStoredSubmissions } from './publish.ts';
export type { PublishInput, PublishReference } from './publish.ts';
export { PublishOutcomeSchema } from './publish-outcome.ts';
export type { PublishOutcome } from './publish-outcome.ts';
