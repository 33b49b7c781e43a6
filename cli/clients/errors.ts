// Errors of the clients of a running cloud (the local one at an endpoint, or a deployed stack):
// nothing answers, a request is refused, a receipt is late, a stack cannot be read or invoked.
// Each says what to check; the command prints it as one sentence and exits 1.

import { DualtrackError } from '../../shared/errors.ts';

class CloudClientError extends DualtrackError {
  override name = 'CloudClientError';
}

/** No local cloud answers at the endpoint (nothing listening, or something that is not ours). */
class UnreachableError extends CloudClientError {
  override name = 'UnreachableError';
  readonly endpoint: string;
  constructor(endpoint: string, detail: string, options?: { cause?: unknown }) {
    super(`No dualtrack local cloud at ${endpoint} (${detail}); start one with \`npm run dualtrack -- serve\``, options);
    this.endpoint = endpoint;
  }
}

/** The local cloud's control route refused or failed a request. */
class ControlRequestError extends CloudClientError {
  override name = 'ControlRequestError';
  readonly status: number;
  constructor(path: string, status: number, detail: string, options?: { cause?: unknown }) {
    super(`${path} answered ${status}: ${detail}`, options);
    this.status = status;
  }
}

/** Waiting for a receipt or a release took longer than allowed. */
class WaitTimeoutError extends CloudClientError {
  override name = 'WaitTimeoutError';
  readonly waitedMs: number;
  constructor(what: string, waitedMs: number) {
    super(`No ${what} after ${Math.round(waitedMs / 1000)} s`);
    this.waitedMs = waitedMs;
  }
}

/** A deployed stack could not be described: it does not exist, or the credentials cannot see it. */
class StackLookupError extends CloudClientError {
  override name = 'StackLookupError';
  readonly stackName: string;
  constructor(stack: string, detail: string, options?: { cause?: unknown }) {
    super(`Could not read stack ${stack} (${detail}); check its name and the AWS credentials and region of the environment`, options);
    this.stackName = stack;
  }
}

/** The stack lacks an output this tool reads: not a dualtrack stack, or an older one. */
class StackOutputMissingError extends CloudClientError {
  override name = 'StackOutputMissingError';
  readonly stackName: string;
  readonly output: string;
  constructor(stack: string, output: string) {
    super(`stack ${stack} has no output ${output}; is it a dualtrack stack (cdk/dualtrack-stack.ts)?`);
    this.stackName = stack;
    this.output = output;
  }
}

/** Invoking the stack's recompute function failed, or it answered something that is not an outcome. */
class RecomputeInvokeError extends CloudClientError {
  override name = 'RecomputeInvokeError';
  readonly functionName: string;
  constructor(functionName: string, detail: string, options?: { cause?: unknown }) {
    super(`the recompute function ${functionName} failed: ${detail}`, options);
    this.functionName = functionName;
  }
}

/** The stack's user pool refused a new user, or holds the address already. */
class UserAddError extends CloudClientError {
  override name = 'UserAddError';
  readonly email: string;
  constructor(email: string, detail: string, options?: { cause?: unknown }) {
    super(`Could not add ${email}: ${detail}`, options);
    this.email = email;
  }
}

export {
  CloudClientError,
  UserAddError,
  UnreachableError,
  ControlRequestError,
  WaitTimeoutError,
  StackLookupError,
  StackOutputMissingError,
  RecomputeInvokeError,
};
