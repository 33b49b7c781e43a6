// Operational errors of the reference data: a shipped or operator-supplied file that cannot be
// used. A submitter's unknown ally name is not an error here: lookups return null.

import { DualtrackError } from '../errors.ts';

class ReferenceDataError extends DualtrackError {
  override name = 'ReferenceDataError';
}

/** A reference file could not be read (missing, unreadable, not JSON). */
class ReferenceFileUnreadableError extends ReferenceDataError {
  override name = 'ReferenceFileUnreadableError';
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(`cannot read reference file ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.file = file;
  }
}

/** A reference file was read but does not match its schema. */
class ReferenceFileInvalidError extends ReferenceDataError {
  override name = 'ReferenceFileInvalidError';
  readonly file: string;
  /** One line per zod issue: `path: message`. */
  readonly issues: string[];
  constructor(file: string, issues: string[], cause?: unknown) {
    super(`invalid reference file ${file}: ${issues.join('; ')}`, { cause });
    this.file = file;
    this.issues = issues;
  }
}

export { ReferenceDataError, ReferenceFileUnreadableError, ReferenceFileInvalidError };
