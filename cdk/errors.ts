// Errors raised while building the stack: a bad setting fails the synth with its context key.

import { DualtrackError } from '../shared/errors.ts';

class StackError extends DualtrackError {
  override name = 'StackError';
}

/** A `dualtrack:*` context value is missing or malformed. */
class StackSettingsError extends StackError {
  override name = 'StackSettingsError';
  readonly keys: string[];
  constructor(keys: string[], problems: string[], options?: { cause?: unknown }) {
    super(`Invalid CDK context: ${problems.join('; ')}`, options);
    this.keys = keys;
  }
}

export { StackError, StackSettingsError };
