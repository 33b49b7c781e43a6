// What a receipt says about how an accepted upload met the ally's earlier submissions: that it
// repeats one exactly (nothing changes), that it replaced firmer figures with softer ones (an
// actual by an estimate or plan, an estimate by a plan), or that for some years a submission
// uploaded after it keeps its figures (a late or out-of-order arrival).
import { findingOf } from '../findings/index.ts';
import type { Finding } from '../findings/index.ts';
import { FigureStatus } from '../model/index.ts';
import type { SubmissionRecord } from '../model/index.ts';
import { cellOf } from '../text/index.ts';
import type { AddOutcome } from './merge-current.ts';

/** Firmer first: an actual outranks an estimate, which outranks a plan. */
const FIRMNESS: Readonly<Record<FigureStatus, number>> = { [FigureStatus.actual]: 2, [FigureStatus.estimate]: 1, [FigureStatus.plan]: 0 };

/** The status cell of a record (or its year's), for the finding's place. */
const placeOf = (record: SubmissionRecord | undefined): { sheet: string | null; cell: string | null } => {
  const ref = record?.provenance.cells?.status ?? record?.provenance.cells?.year;
  return { sheet: record?.provenance.sheet ?? null, cell: ref ? cellOf(ref) : null };
};

/** The findings of one merge outcome, for the receipt of the submission that was added. */
const mergeFindings = (outcome: AddOutcome, records: readonly SubmissionRecord[]): Finding[] => {
  const findings: Finding[] = [];
  const unchanged = outcome.years.every((y) => y.before !== null && y.before.submissionId === y.after.submissionId);
  if (outcome.identicalTo && unchanged) {
    findings.push(
      findingOf('identical-upload', {
        params: { duplicateOf: outcome.identicalTo.submissionId, duplicateUploadedAt: outcome.identicalTo.uploadedAt },
      }),
    );
  }

  for (const y of outcome.years) {
    if (y.role !== 'wins' || !y.before || FIRMNESS[y.after.status] >= FIRMNESS[y.before.status]) continue;
    findings.push(
      findingOf('status-downgrade', {
        ...placeOf(records.find((r) => r.year === y.year)),
        year: y.year,
        params: { status: y.after.status, replaced: y.before.submissionId, replacedStatus: y.before.status },
      }),
    );
  }

  // One finding per newer submission, naming every year it keeps.
  const kept = new Map<string, { uploadedAt: string; years: number[] }>();
  for (const y of outcome.years) {
    if (y.role !== 'kept-newer') continue;
    const entry = kept.get(y.after.submissionId) ?? { uploadedAt: y.after.uploadedAt, years: [] };
    entry.years.push(y.year);
    kept.set(y.after.submissionId, entry);
  }
  for (const [newer, { uploadedAt, years }] of kept) {
    findings.push(findingOf('newer-figures-kept', { params: { newer, newerUploadedAt: uploadedAt, years: years.sort((a, b) => a - b).join(', ') } }));
  }
  return findings;
};

export { mergeFindings };
