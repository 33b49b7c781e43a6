// The pipeline's ingest flow alone: an upload in, its receipt, stored submission and current
// figures out. The ingest function imports this rather than the pipeline's index, so its bundle
// carries no publishing flow, renderer or release writer (issue 12's 1 MiB bundle budget).
export { processUpload } from './process-upload.ts';
export type { ProcessUploadInput, ProcessUploadOutcome } from './process-upload.ts';
