// Files one workbook from disk into the folder store as an officer would upload it: refused
// outright if the guard refuses it, filed under the ally the workbook names, copied into the
// uploads bucket, then ingested like any upload. The upload time is the file's modification
// time, which (with the bytes) fixes the submission id, so filing the same file again finds its
// receipt already written.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { findingOf } from '../../shared/findings/index.ts';
import { DEFAULT_LIMITS, guardUpload, readSubmission } from '../../shared/ingest/index.ts';
import type { Finding, Receipt, Rules } from '../../shared/model/index.ts';
import { processUpload } from '../../shared/pipeline/index.ts';
import { BucketRole, uploadsKeys } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';

type Filing =
  /** Refused before any receipt: the guard's findings, or that no ally is named. */
  | { kind: 'refused'; findings: Finding[] }
  /** Stored, but ingest wrote no receipt (it says why). */
  | { kind: 'ignored'; ally: string; reason: string }
  /** Ingested: the receipt, and whether it had been written before. */
  | { kind: 'checked'; receipt: Receipt; duplicate: boolean };

const fileSubmission = async (path: string, storage: Storage, rules: Rules, now: Date): Promise<Filing> => {
  const fileName = basename(path);
  const bytes = await readFile(path);
  const guarded = await guardUpload(bytes, fileName, DEFAULT_LIMITS);
  if (!guarded.ok) return { kind: 'refused', findings: guarded.findings };
  const peek = await readSubmission(bytes, fileName, { limits: DEFAULT_LIMITS });
  // Filed by the ally it names, so a workbook naming none cannot be filed (and none was given).
  if (!peek.ally) return { kind: 'refused', findings: [findingOf('ally-unknown')] };
  const key = uploadsKeys.submission(peek.ally, fileName);
  const { mtime } = await stat(path);
  await storage.put(BucketRole.uploads, key, bytes);
  const outcome = await processUpload({ storage, key, uploadedAt: mtime, rules, now });
  if (!outcome.receipt) return { kind: 'ignored', ally: peek.ally, reason: outcome.ignored };
  return { kind: 'checked', receipt: outcome.receipt, duplicate: outcome.duplicate };
};

export { fileSubmission };
export type { Filing };
