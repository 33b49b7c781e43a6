// Operational errors of the pipeline flows. A submitter's mistake is never one of these: it
// ends as a rejected receipt. These are for states a retry or an operator has to resolve.

import { DualtrackError } from '../errors.ts';

class PipelineError extends DualtrackError {
  override name = 'PipelineError';
}

/**
 * The release folder the publisher was about to write already holds a release: another
 * publisher ran at the same time, or the index lost track of a finished release. Writing would
 * break the promise that a versioned release never changes, so the publish stops.
 */
class ConflictError extends PipelineError {
  override name = 'ConflictError';
  readonly release: number;
  readonly key: string;

  constructor(release: number, key: string) {
    super(`release ${release} already exists (${key}); refusing to overwrite a published release`);
    this.release = release;
    this.key = key;
  }
}

/**
 * Another publisher holds the claim on the next release number and is still at work after this
 * one waited as long as it may. Nothing was written; a retry later publishes (the publish queue
 * redelivers the request, a person runs the command again).
 */
class ReleaseBusyError extends PipelineError {
  override name = 'ReleaseBusyError';
  readonly release: number;

  constructor(release: number, holder: string) {
    super(`release ${release} is being written by another publisher (${holder}); try again once it is published`);
    this.release = release;
  }
}

/** A stored object the pipeline wrote itself no longer matches its schema. */
class CorruptStoreError extends PipelineError {
  override name = 'CorruptStoreError';
  readonly key: string;

  constructor(key: string, options: { cause: unknown }) {
    super(`stored object ${key} does not match its schema`, options);
    this.key = key;
  }
}

export { PipelineError, ConflictError, ReleaseBusyError, CorruptStoreError };
