// Operational errors of the report renderers. A renderer only fails on a bug upstream (an engine
// result that breaks the published schema) or a caller asking for something the dataset lacks.

import { DualtrackError } from '../errors.ts';

class ReportError extends DualtrackError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportError';
  }
}

/** The assembled dataset does not match the published schema; `issues` says where. */
class DatasetInvalidError extends ReportError {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[], options?: { cause?: unknown }) {
    const first = issues[0];
    super(
      `the compliance dataset does not match its schema (${issues.length} issue(s)${first ? `, first at ${first.path || '(root)'}: ${first.message}` : ''})`,
      options,
    );
    this.name = 'DatasetInvalidError';
    this.issues = issues;
  }
}

/** A per-ally file was asked for an ally the dataset does not hold. */
class UnknownAllyError extends ReportError {
  readonly iso3: string;
  constructor(iso3: string) {
    super(`the dataset holds no ally ${JSON.stringify(iso3)}`);
    this.name = 'UnknownAllyError';
    this.iso3 = iso3;
  }
}

/** A file the release manifest does not list was handed on as part of a release. */
class UnlistedFileError extends ReportError {
  readonly path: string;
  constructor(path: string) {
    super(`the release manifest lists no file ${JSON.stringify(path)}`);
    this.name = 'UnlistedFileError';
    this.path = path;
  }
}

export { ReportError, DatasetInvalidError, UnknownAllyError, UnlistedFileError };
