// The per-ally current-figures objects in the data bucket: ingest adds each accepted submission
// to its ally's object with a conditional write (read, merge, put only if nobody wrote it in
// between, else again), so concurrent ingests for one ally never lose each other; a publish
// reads the objects (one per ally, a few at a time) and never the archive; a rebuild makes every
// object again from the archive, which stays the source of truth.
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SubmissionRecord } from '../model/index.ts';
import { BucketRole, dataKeys, PreconditionFailedError } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { CURRENT_VERSION, CurrentFiguresSchema, CurrentMarkerSchema } from './current-figures.ts';
import type { CurrentFigures } from './current-figures.ts';
import { CorruptStoreError, PipelineError } from './errors.ts';
import { addSubmission, currentFromSubmissions, figuresOf } from './merge-current.ts';
import type { AddOutcome } from './merge-current.ts';
import { StoredSubmissionSchema } from './stored-submission.ts';
import type { StoredSubmission } from './stored-submission.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** How many objects a publish or a rebuild reads at once. */
const READ_CONCURRENCY = 8;
/** How many times a conditional write is tried before the ingest fails (and is retried whole). */
const WRITE_ATTEMPTS = 25;

/** A lost race: wait a little, more each time and never in step with the other writer. */
const backoff = (attempt: number): Promise<void> => sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));

const serialise = (figures: CurrentFigures): string => `${JSON.stringify(figures)}\n`;

const parseJson = <T>(key: string, body: Buffer, parse: (value: unknown) => T): T => {
  try {
    return parse(JSON.parse(body.toString('utf8')));
  } catch (error) {
    throw new CorruptStoreError(key, { cause: error });
  }
};

/** An object of an earlier layout: made again from the archive, not read. */
const isOtherVersion = (body: Buffer): boolean => {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && 'currentVersion' in value && value.currentVersion !== CURRENT_VERSION;
  } catch {
    return false;
  }
};

/**
 * The archived submissions under a prefix: one listing, then a GET each, a few at a time. A
 * submission whose ally is not the folder it is archived in is no ally's (ingest never writes one).
 */
const readArchive = async (storage: Storage, prefix: string): Promise<StoredSubmission[]> => {
  const keys = (await storage.list(BucketRole.data, prefix)).map((o) => o.key);
  const read = await pLimit(READ_CONCURRENCY).map(keys, async (key) => {
    const folder = dataKeys.allyOfSubmission(key);
    const obj = folder ? await storage.get(BucketRole.data, key) : null;
    // Gone between the listing and the read: deleted, so not in the archive.
    const s = obj ? parseJson(key, obj.body, (v) => StoredSubmissionSchema.parse(v)) : null;
    return s && s.ally === folder ? s : null;
  });
  return read.filter((s): s is StoredSubmission => s !== null);
};

/** Every archived submission (the source of truth the current figures are made from). A publish never calls this. */
const readStoredSubmissions = (storage: Storage): Promise<StoredSubmission[]> => readArchive(storage, dataKeys.submissionsPrefix);

/** Every archived submission of one ally. */
const readAllyArchive = (storage: Storage, ally: string): Promise<StoredSubmission[]> => readArchive(storage, dataKeys.allySubmissionsPrefix(ally));

/**
 * Adds an accepted submission (already in the archive) to its ally's current figures and tells
 * what that did. Idempotent: a submission the object holds is not added twice.
 */
const recordAccepted = async (storage: Storage, submission: StoredSubmission): Promise<AddOutcome> => {
  const key = dataKeys.current(submission.ally);
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
    const obj = await storage.get(BucketRole.data, key);
    // An object of an earlier layout is made again from the archive (which already holds this submission).
    const stale = obj !== null && isOtherVersion(obj.body);
    let current: CurrentFigures | null = null;
    if (obj) {
      current = stale
        ? currentFromSubmissions(submission.ally, await readAllyArchive(storage, submission.ally))
        : parseJson(key, obj.body, (v) => CurrentFiguresSchema.parse(v));
    }
    const outcome = addSubmission(current, submission);
    if (!outcome.changed && !stale && obj) return outcome;
    if (obj && !obj.etag) throw new PipelineError(`the store gave no ETag for ${key}, so it cannot be updated safely`);
    try {
      await storage.put(BucketRole.data, key, serialise(outcome.next), {
        contentType: JSON_TYPE,
        ...(obj?.etag ? { ifMatch: obj.etag } : { ifNoneMatch: '*' as const }),
      });
      return outcome;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      await backoff(attempt);
    }
  }
  throw new PipelineError(`the current figures of ${submission.ally} (${key}) kept changing under ${WRITE_ATTEMPTS} attempts to add submission ${submission.submissionId}`);
};

/** Every ally's current figures: one listing, then one GET per ally, a few at a time. */
const readAllCurrent = async (storage: Storage): Promise<CurrentFigures[]> => {
  const keys = (await storage.list(BucketRole.data, dataKeys.currentPrefix)).map((o) => o.key).filter((k) => dataKeys.allyOfCurrent(k) !== null);
  const read = await pLimit(READ_CONCURRENCY).map(keys, async (key) => {
    const obj = await storage.get(BucketRole.data, key);
    return obj ? parseJson(key, obj.body, (v) => CurrentFiguresSchema.parse(v)) : null;
  });
  return read.filter((f): f is CurrentFigures => f !== null).sort((a, b) => (a.ally < b.ally ? -1 : a.ally > b.ally ? 1 : 0));
};

const md5Hex = (text: string): string => createHash('md5').update(text).digest('hex');

/** Makes one ally's object again from its archive; the conditional write is retried if an ingest wrote meanwhile. */
const rebuildAlly = async (storage: Storage, ally: string): Promise<number> => {
  const key = dataKeys.current(ally);
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
    // Ingest archives a submission before it touches the object: whatever the object holds when
    // it is headed here is in the archive listed after.
    const head = await storage.head(BucketRole.data, key);
    const submissions = await readAllyArchive(storage, ally);
    const body = serialise(currentFromSubmissions(ally, submissions));
    if (head?.etag === md5Hex(body)) return submissions.length;
    if (head && !head.etag) throw new PipelineError(`the store gave no ETag for ${key}, so it cannot be rebuilt safely`);
    try {
      await storage.put(BucketRole.data, key, body, { contentType: JSON_TYPE, ...(head?.etag ? { ifMatch: head.etag } : { ifNoneMatch: '*' as const }) });
      return submissions.length;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      await backoff(attempt);
    }
  }
  throw new PipelineError(`the current figures of ${ally} (${key}) kept changing under ${WRITE_ATTEMPTS} attempts to rebuild them`);
};

interface RebuildOutcome {
  allies: number;
  submissions: number;
}

/**
 * Makes every ally's current figures again from the archive (`recompute --rebuild`), then marks
 * the store as rebuilt at this version. An ally whose object exists but whose archive is empty
 * gets an empty object (written conditionally, so an ingest racing it is never undone).
 */
const rebuildCurrent = async (storage: Storage, now: Date): Promise<RebuildOutcome> => {
  const allies = new Set<string>();
  for (const o of await storage.list(BucketRole.data, dataKeys.submissionsPrefix)) {
    const ally = dataKeys.allyOfSubmission(o.key);
    if (ally) allies.add(ally);
  }
  for (const o of await storage.list(BucketRole.data, dataKeys.currentPrefix)) {
    const ally = dataKeys.allyOfCurrent(o.key);
    if (ally) allies.add(ally);
  }
  const counts = await pLimit(2).map([...allies].sort(), (ally) => rebuildAlly(storage, ally));
  const marker = CurrentMarkerSchema.parse({ currentVersion: CURRENT_VERSION, rebuiltAt: now.toISOString() });
  await storage.put(BucketRole.data, dataKeys.currentMarker, `${JSON.stringify(marker)}\n`, { contentType: JSON_TYPE });
  return { allies: allies.size, submissions: counts.reduce((a, b) => a + b, 0) };
};

/** True when the store's per-ally objects were made at this version (else they must be rebuilt first). */
const isCurrentComplete = async (storage: Storage): Promise<boolean> => {
  const obj = await storage.get(BucketRole.data, dataKeys.currentMarker);
  if (!obj) return false;
  try {
    return CurrentMarkerSchema.safeParse(JSON.parse(obj.body.toString('utf8'))).success;
  } catch {
    return false;
  }
};

/**
 * What a publish computes from: every ally's current figures. A store whose objects were
 * never rebuilt at this version (made before they existed, or of an older layout) is rebuilt
 * from the archive first, once; after that a publish never reads the archive.
 */
const readCurrentFigures = async (storage: Storage, now: Date = new Date()): Promise<CurrentFigures[]> => {
  if (!(await isCurrentComplete(storage))) await rebuildCurrent(storage, now);
  return readAllCurrent(storage);
};

/** The records that count, from every ally's current figures (see readCurrentFigures). */
const currentRecords = async (storage: Storage, now: Date = new Date()): Promise<SubmissionRecord[]> =>
  (await readCurrentFigures(storage, now)).flatMap(figuresOf);

export { recordAccepted, readAllCurrent, readCurrentFigures, readStoredSubmissions, rebuildCurrent, currentRecords, isCurrentComplete };
export type { RebuildOutcome };
