// Public surface of ingest: the facade, the guard, the checks, receipts and annotated copies,
// and the reader and field vocabulary they build on.
export { ingestSubmission } from './ingest.ts';
export type { IngestInput, IngestOutcome } from './ingest.ts';
export { guardUpload, tooLargeFinding, UploadKind } from './guard/index.ts';
export type { GuardResult } from './guard/index.ts';
export { CHECKS, runChecks, defaultStatus, SHIPPED_REFERENCE } from './checks/index.ts';
export type { Check, CheckContext, CheckReference } from './checks/index.ts';
export { buildReceipt, countFindings, receiptStatusOf, sortFindings, submissionIdFor, recordsOf, rewordReceipt } from './receipt.ts';
export { annotateWorkbook, receiptWorkbook, RECEIPT_SHEET } from './annotate.ts';
export { IngestError, WorkbookUnreadableError, IngestInputError } from './errors.ts';
export { IngestLimitsSchema, DEFAULT_LIMITS } from './limits.ts';
export type { IngestLimits } from './limits.ts';
export type { DraftRecord } from './draft.ts';
export { readSubmission } from './read/index.ts';
export type { ReadResult, ReadOptions, Layout } from './read/index.ts';
