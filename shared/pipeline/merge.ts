// Resubmissions: for each ally and year the record of the most recently *uploaded* accepted
// submission wins (upload-order.ts), an identical re-upload keeping the provenance of the upload
// it repeats (merge-current.ts). The per-ally current-figures objects hold this merge ready made;
// this is the same merge over submissions in hand.
import type { SubmissionRecord } from '../model/index.ts';
import { currentFromSubmissions, figuresOf } from './merge-current.ts';
import type { StoredSubmission } from './stored-submission.ts';
import { uploadOrder } from './upload-order.ts';

/**
 * One record per (ally, year), sorted by ally then year. Records whose ally differs from the
 * ally the submission was filed under are dropped: an upload may only speak for its own ally.
 */
const mergeSubmissions = (submissions: readonly StoredSubmission[]): SubmissionRecord[] => {
  const byAlly = new Map<string, StoredSubmission[]>();
  for (const s of submissions) byAlly.set(s.ally, [...(byAlly.get(s.ally) ?? []), s]);
  return [...byAlly.keys()].sort().flatMap((ally) => figuresOf(currentFromSubmissions(ally, byAlly.get(ally) ?? [])));
};

export { mergeSubmissions, uploadOrder };
