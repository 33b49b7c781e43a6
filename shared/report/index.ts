// Public surface of the report renderers: dataset in, bytes out.
export { ComplianceDatasetSchema, ReleaseHeaderSchema, DatasetAllySchema, DATASET_SCHEMA_VERSION, buildDataset } from './dataset.ts';
export type { ComplianceDataset, ReleaseHeader, DatasetAlly, BuildDatasetInput } from './dataset.ts';
export { NoteSchema } from './notes.ts';
export type { Note } from './notes.ts';
export { canonicalJson, datasetDigest, sha256Hex } from './digest.ts';
export type { DatasetContent } from './digest.ts';
export { ReleaseFileSchema, ReleaseSummarySchema, ReleasesIndexSchema } from './history.ts';
export type { ReleaseFile, ReleaseSummary, ReleasesIndex } from './history.ts';
export { safeText } from './safe-text.ts';
export { escapeHtml } from './escape-html.ts';
export { renderSchema } from './json-schema.ts';
export { ReportError, DatasetInvalidError, UnknownAllyError } from './errors.ts';
