// Operational errors of the portal core: what a host must answer with a 500 and log, never a
// caller's mistake (those are refusals, see refusals.ts).
import { DualtrackError } from '../errors.ts';

class PortalError extends DualtrackError {
  override name = 'PortalError';
}

/** A stored receipt that fails its schema: ingest wrote something else, or the bucket was edited. */
class CorruptReceiptError extends PortalError {
  override name = 'CorruptReceiptError';
  readonly key: string;
  constructor(key: string, options: { cause: unknown }) {
    super(`the receipt ${JSON.stringify(key)} is not a valid receipt`, options);
    this.key = key;
  }
}

/** A dependency broke its contract (an id maker's id that cannot stand in a key). */
class PortalDepsError extends PortalError {
  override name = 'PortalDepsError';
}

export { PortalError, CorruptReceiptError, PortalDepsError };
