// Operational errors of the local cloud itself: a port already taken, a control request it
// refuses. Its clients' errors (no answer, a stack that cannot be read) are cli/clients/errors.ts;
// submitters' mistakes are receipts, never these.

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

/** A control route refuses a request; `status` is the HTTP status it answers with. */
class ControlRouteError extends LocalCloudError {
  override name = 'ControlRouteError';
  readonly status: number;
  constructor(status: number, detail: string, options?: { cause?: unknown }) {
    super(detail, options);
    this.status = status;
  }
}

export { LocalCloudError, PortInUseError, ControlRouteError };
