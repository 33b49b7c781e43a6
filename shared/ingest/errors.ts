// Operational errors of ingest. A submitter's mistakes are findings, never these: they are for
// callers that break the facade's contract and for failures the facade turns into findings.

import { DualtrackError } from '../errors.ts';

class IngestError extends DualtrackError {
  override name = 'IngestError';
}

/** The reader failed on a file that passed the guard; the facade reports it as `workbook-unreadable`. */
class WorkbookUnreadableError extends IngestError {
  override name = 'WorkbookUnreadableError';
  readonly fileName: string;
  constructor(fileName: string, options: { cause: unknown }) {
    super(`could not read "${fileName}"`, options);
    this.fileName = fileName;
  }
}

/** The caller passed something the facade cannot work with (a bug upstream, not a bad upload). */
class IngestInputError extends IngestError {
  override name = 'IngestInputError';
  readonly field: string;
  constructor(field: string, message: string, options?: { cause: unknown }) {
    super(`${field}: ${message}`, options);
    this.field = field;
  }
}

export { IngestError, WorkbookUnreadableError, IngestInputError };
