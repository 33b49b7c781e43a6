// Errors of the local identity provider: a user that cannot be added, a token that does not
// verify, a sign-in request that does not follow the authorization code flow.
import { LocalCloudError } from '../errors.ts';

/** `code` is the short machine-readable reason a route answers with (`user-exists`, `invalid-token`, …). */
class IdentityError extends LocalCloudError {
  override name = 'IdentityError';
  readonly code: string;
  constructor(message: string, options?: { code?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code ?? 'invalid-request';
  }
}

export { IdentityError };
