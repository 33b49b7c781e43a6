// Public surface of the workbook reader.
export { readSubmission } from './read-submission.ts';
export type { ReadResult, ReadOptions, Layout } from './read-submission.ts';
