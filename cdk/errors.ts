// Errors raised while building the stack: a bad setting fails the synth with its context key.

class StackError extends Error {
  override name = 'StackError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
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
