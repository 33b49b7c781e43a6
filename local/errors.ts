// Operational errors of the local cloud: a port already taken, a control request refused, a
// running local cloud that cannot be reached; and of a deployed stack reached by `--stack`.
// Submitters' mistakes are receipts, never these.

import { DualtrackError } from '../shared/errors.ts';

class LocalCloudError extends DualtrackError {
  override name = 'LocalCloudError';
}

/** The S3 server could not listen on the port asked for. */
class PortInUseError extends LocalCloudError {
  override name = 'PortInUseError';
  readonly port: number;
  constructor(host: string, port: number, options?: { cause?: unknown }) {
    super(`${host}:${port} is already in use; is another local cloud running? Pick another with --port`, options);
    this.port = port;
  }
}

/** No local cloud answers at the endpoint (nothing listening, or something that is not ours). */
class UnreachableError extends LocalCloudError {
  override name = 'UnreachableError';
  readonly endpoint: string;
  constructor(endpoint: string, detail: string, options?: { cause?: unknown }) {
    super(`No dualtrack local cloud at ${endpoint} (${detail}); start one with \`npm run dualtrack -- serve\``, options);
    this.endpoint = endpoint;
  }
}

/** The control endpoint refused or failed a request. */
class ControlRequestError extends LocalCloudError {
  override name = 'ControlRequestError';
  readonly status: number;
  constructor(path: string, status: number, detail: string, options?: { cause?: unknown }) {
    super(`${path} answered ${status}: ${detail}`, options);
    this.status = status;
  }
}

/** Waiting for a receipt or a release took longer than allowed. */
class WaitTimeoutError extends LocalCloudError {
  override name = 'WaitTimeoutError';
  readonly waitedMs: number;
  constructor(what: string, waitedMs: number) {
    super(`No ${what} after ${Math.round(waitedMs / 1000)} s`);
    this.waitedMs = waitedMs;
  }
}

/** A deployed stack could not be described: it does not exist, or the credentials cannot see it. */
class StackLookupError extends LocalCloudError {
  override name = 'StackLookupError';
  readonly stackName: string;
  constructor(stack: string, detail: string, options?: { cause?: unknown }) {
    super(`Could not read stack ${stack} (${detail}); check its name and the AWS credentials and region of the environment`, options);
    this.stackName = stack;
  }
}

/** The stack lacks an output this tool reads: not a dualtrack stack, or an older one. */
class StackOutputMissingError extends LocalCloudError {
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
class RecomputeInvokeError extends LocalCloudError {
  override name = 'RecomputeInvokeError';
  readonly functionName: string;
  constructor(functionName: string, detail: string, options?: { cause?: unknown }) {
    super(`the recompute function ${functionName} failed: ${detail}`, options);
    this.functionName = functionName;
  }
}

export {
  LocalCloudError,
  PortInUseError,
  UnreachableError,
  ControlRequestError,
  WaitTimeoutError,
  StackLookupError,
  StackOutputMissingError,
  RecomputeInvokeError,
};
