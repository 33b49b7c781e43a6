// How one ally's accepted submissions become its current-figures object, and how one more
// submission is added to an object without reading the archive. Both go through one function
// (`assemble`) over the same entries, so adding submissions one at a time, in any order, with
// redeliveries, gives exactly the object a rebuild from the archive gives.
//
// The rule (DESIGN §5): for each year the figures of the most recently uploaded accepted
// submission win, ties broken by submission id (uploadOrder). One refinement keeps identical
// re-uploads from changing anything: uploads that follow one another in that order with the same
// figures for a year form one history entry, and the figure names the first of them. So a file
// uploaded again (a restarted demo, a resent e-mail attachment) publishes nothing new, while a
// file that restores older figures over newer ones (A, then B, then A again) still wins.
import type { SubmissionRecord } from '../model/index.ts';
import { canonicalJson, sha256Hex } from '../report/digest.ts';
import { CURRENT_VERSION } from './current-figures.ts';
import type { CurrentFigures, HistoryEntry, SubmissionRef } from './current-figures.ts';
import { PipelineError } from './errors.ts';
import { uploadOrder } from './upload-order.ts';
import type { StoredSubmission } from './stored-submission.ts';

/** One submission's figures for one year, before identical neighbours are folded together. */
type Entry = Omit<HistoryEntry, 'repeats'> & { year: number };

/** The submission whose figures count for a year: the first upload of the history's last entry. */
interface Winner {
  submissionId: string;
  uploadedAt: string;
  status: HistoryEntry['status'];
}

/** What adding one submission did to each year it gives figures for. */
interface YearOutcome {
  year: number;
  /** Who counted before this submission was added (null: nobody gave this year). */
  before: Winner | null;
  /** Who counts now. */
  after: Winner;
  /**
   * `wins`: this submission's figures count; `repeats`: they equal the figures that count, given
   * first by an earlier upload; `kept-newer`: a submission uploaded later gives this year.
   */
  role: 'wins' | 'repeats' | 'kept-newer';
}

interface AddOutcome {
  next: CurrentFigures;
  /** False when the object already held the submission (a retry or a redelivery). */
  changed: boolean;
  years: YearOutcome[];
  /** The earliest other accepted submission of the ally with exactly the same bytes, if any. */
  identicalTo: SubmissionRef | null;
}

/**
 * Fingerprint of a record apart from which upload carried it. Sheet and cells stay in: the same
 * figures read from other cells are another submission's provenance, not a repeat.
 */
const recordDigest = (record: SubmissionRecord): string => {
  const { submissionId: _id, file: _file, uploadedAt: _at, ...place } = record.provenance;
  return sha256Hex(canonicalJson({ ...record, provenance: place })).slice(0, 32);
};

const refOf = (s: StoredSubmission): SubmissionRef => ({
  submissionId: s.submissionId,
  uploadedAt: s.uploadedAt,
  file: s.file,
  sha256: s.sha256,
});

/**
 * The submission's own records, one per year (the last one given for a year, as the merge has
 * always taken it); records naming another ally than the folder are never the folder's figures.
 */
const ownRecords = (s: StoredSubmission): Map<number, SubmissionRecord> => {
  const byYear = new Map<number, SubmissionRecord>();
  for (const r of s.records) if (r.ally === s.ally) byYear.set(r.year, r);
  return byYear;
};

const entryOf = (r: SubmissionRecord, s: Pick<StoredSubmission, 'submissionId' | 'uploadedAt'>): Entry => ({
  year: r.year,
  submissionId: s.submissionId,
  uploadedAt: s.uploadedAt,
  status: r.status,
  gdp: r.gdp,
  core: r.core,
  security: r.security,
  digest: recordDigest(r),
});

const entriesOf = (s: StoredSubmission): Entry[] => [...ownRecords(s).values()].map((r) => entryOf(r, s));

/** Every entry an object holds, repeats unfolded (a repeat has its first upload's figures). */
const flatten = (current: CurrentFigures): Entry[] =>
  current.years.flatMap((y) =>
    y.history.flatMap(({ repeats, ...head }) => [
      { ...head, year: y.year },
      ...repeats.map((r) => ({ ...head, year: y.year, submissionId: r.submissionId, uploadedAt: r.uploadedAt })),
    ]),
  );

/** One year's entries in upload order, neighbours with equal figures folded into one history entry. */
const historyOf = (entries: readonly Entry[]): HistoryEntry[] => {
  const out: HistoryEntry[] = [];
  for (const { year: _year, ...e } of [...entries].sort(uploadOrder)) {
    const last = out.at(-1);
    if (last && last.digest === e.digest) last.repeats.push({ submissionId: e.submissionId, uploadedAt: e.uploadedAt });
    else out.push({ ...e, repeats: [] });
  }
  return out;
};

const byYear = (entries: readonly Entry[]): Map<number, Entry[]> => {
  const out = new Map<number, Entry[]>();
  for (const e of entries) out.set(e.year, [...(out.get(e.year) ?? []), e]);
  return out;
};

const winnerOf = (history: readonly HistoryEntry[]): Winner | null => {
  const head = history.at(-1);
  return head ? { submissionId: head.submissionId, uploadedAt: head.uploadedAt, status: head.status } : null;
};

/** The full record a history entry's first upload gave for a year. */
type RecordFor = (year: number, head: HistoryEntry) => SubmissionRecord;

const assemble = (ally: string, refs: readonly SubmissionRef[], entries: readonly Entry[], recordFor: RecordFor): CurrentFigures => ({
  currentVersion: CURRENT_VERSION,
  ally,
  submissions: [...refs].sort(uploadOrder),
  years: [...byYear(entries)]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => {
      const history = historyOf(list);
      const head = history.at(-1);
      if (!head) throw new PipelineError(`no figures for ${ally} in ${year}`);
      return { year, figure: recordFor(year, head), history };
    }),
});

/** The object one ally's archived submissions make (a rebuild). Submissions of other allies are a caller's bug. */
const currentFromSubmissions = (ally: string, submissions: readonly StoredSubmission[]): CurrentFigures => {
  const records = new Map<string, Map<number, SubmissionRecord>>();
  for (const s of submissions) {
    if (s.ally !== ally) throw new PipelineError(`submission ${s.submissionId} is ${s.ally}'s, not ${ally}'s`);
    records.set(s.submissionId, ownRecords(s));
  }
  return assemble(
    ally,
    submissions.map(refOf),
    submissions.flatMap(entriesOf),
    (year, head) => {
      const r = records.get(head.submissionId)?.get(year);
      if (!r) throw new PipelineError(`submission ${head.submissionId} has no record for ${ally} in ${year}`);
      return r;
    },
  );
};

const emptyCurrent = (ally: string): CurrentFigures => ({ currentVersion: CURRENT_VERSION, ally, submissions: [], years: [] });

/**
 * The figure for `head` when the object, not the archive, holds it: the figure the year had, or,
 * when a late upload split an identical run, that figure under the provenance of the run's next
 * upload (equal fingerprints: equal record but for the upload that carried it).
 */
const figureFromObject = (current: CurrentFigures, refs: ReadonlyMap<string, SubmissionRef>, year: number, head: HistoryEntry): SubmissionRecord | null => {
  const held = current.years.find((y) => y.year === year)?.figure;
  if (!held) return null;
  if (held.provenance.submissionId === head.submissionId) return held;
  const ref = refs.get(head.submissionId);
  if (!ref || recordDigest(held) !== head.digest) return null;
  return { ...held, provenance: { ...held.provenance, submissionId: ref.submissionId, file: ref.file, uploadedAt: ref.uploadedAt } };
};

/**
 * Adds one accepted submission to the ally's object (null: none yet), and says for each of its
 * years what that did. Adding a submission the object already holds changes nothing, and its
 * outcome is told as when it was first added (against the object without it), so a retried
 * ingest writes the receipt the first attempt would have written.
 */
const addSubmission = (current: CurrentFigures | null, s: StoredSubmission): AddOutcome => {
  const base = current ?? emptyCurrent(s.ally);
  if (base.ally !== s.ally) throw new PipelineError(`submission ${s.submissionId} is ${s.ally}'s, not ${base.ally}'s`);
  const held = base.submissions.some((r) => r.submissionId === s.submissionId);
  const others = flatten(base).filter((e) => e.submissionId !== s.submissionId);
  const otherRefs = base.submissions.filter((r) => r.submissionId !== s.submissionId);
  const own = ownRecords(s);
  const ownEntries = [...own.values()].map((r) => entryOf(r, s));
  const refs = [...otherRefs, refOf(s)];
  const refsById = new Map(refs.map((r) => [r.submissionId, r]));

  const next = held
    ? base
    : assemble(s.ally, refs, [...others, ...ownEntries], (year, head) => {
        const r = head.submissionId === s.submissionId ? own.get(year) : figureFromObject(base, refsById, year, head);
        if (!r) throw new PipelineError(`the current figures of ${s.ally} hold no record for ${year} from submission ${head.submissionId}`);
        return r;
      });

  const before = byYear(others);
  const years = ownEntries.map(({ year }): YearOutcome => {
    const history = next.years.find((y) => y.year === year)?.history ?? [];
    const last = history.at(-1);
    const after = winnerOf(history);
    if (!last || !after) throw new PipelineError(`the current figures of ${s.ally} lost ${year}`);
    const role = last.submissionId === s.submissionId ? 'wins' : last.repeats.some((r) => r.submissionId === s.submissionId) ? 'repeats' : 'kept-newer';
    return { year, before: winnerOf(historyOf(before.get(year) ?? [])), after, role };
  });

  const identicalTo =
    s.sha256 === null ? null : (otherRefs.filter((r) => r.sha256 === s.sha256).sort(uploadOrder)[0] ?? null);
  return { next, changed: !held, years, identicalTo };
};

/** The figures that count, one record per year, ascending. */
const figuresOf = (current: CurrentFigures): SubmissionRecord[] => current.years.map((y) => y.figure);

export { addSubmission, currentFromSubmissions, emptyCurrent, figuresOf, recordDigest };
export type { AddOutcome, YearOutcome, Winner };
