// Operational errors of the local cloud: a port already taken, a control request refused, a
// running local cloud that cannot be reached. Submitters' mistakes are receipts, never these.

class LocalCloudError extends Error {
  override name = 'LocalCloudError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
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

export { LocalCloudError, PortInUseError, UnreachableError, ControlRequestError, WaitTimeoutError };
