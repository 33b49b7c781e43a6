// Errors of the compliance engine. These are bugs upstream, not submitter mistakes: the
// engine receives merged, validated records, so anything it cannot place stops the release
// instead of being guessed at (a guess would make results depend on input order).

import { DualtrackError } from '../errors.ts';

class EngineError extends DualtrackError {
  override name = 'EngineError';
}

/** Two records for the same ally and year: the merge of resubmissions should have kept one. */
class DuplicateRecordError extends EngineError {
  override name = 'DuplicateRecordError';
  readonly ally: string;
  readonly year: number;
  readonly submissionIds: readonly string[];

  constructor(ally: string, year: number, submissionIds: readonly string[]) {
    super(`two records for ${ally} in ${year} (submissions ${submissionIds.join(', ')}); merge resubmissions first`);
    this.ally = ally;
    this.year = year;
    this.submissionIds = submissionIds;
  }
}

/** A record for an ally the reference data does not list. */
class UnknownAllyError extends EngineError {
  override name = 'UnknownAllyError';
  readonly ally: string;

  constructor(ally: string) {
    super(`a record names ${ally}, which is not in the reference list of allies`);
    this.ally = ally;
  }
}

export { EngineError, DuplicateRecordError, UnknownAllyError };
