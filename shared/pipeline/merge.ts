// Resubmissions: for each ally and year the record of the most recently *uploaded* accepted
// submission wins. Ordering by upload time (then id, so ties are stable) and never by the
// order events were processed keeps the result the same however S3 delivers them.
import type { SubmissionRecord } from '../model/index.ts';
import type { StoredSubmission } from './stored-submission.ts';

const uploadOrder = (a: StoredSubmission, b: StoredSubmission): number => {
  const dt = Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt);
  if (dt !== 0) return dt;
  return a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0;
};

/**
 * One record per (ally, year), sorted by ally then year. Records whose ally differs from the
 * ally the submission was filed under are dropped: an upload may only speak for its own ally.
 */
const mergeSubmissions = (submissions: readonly StoredSubmission[]): SubmissionRecord[] => {
  const winners = new Map<string, SubmissionRecord>();
  for (const s of [...submissions].sort(uploadOrder)) {
    for (const r of s.records) {
      if (r.ally !== s.ally) continue;
      winners.set(`${r.ally}:${r.year}`, r);
    }
  }
  return [...winners.values()].sort((a, b) => (a.ally < b.ally ? -1 : a.ally > b.ally ? 1 : a.year - b.year));
};

export { mergeSubmissions, uploadOrder };
