// Operational errors of the Lambda shell. A thrown error makes Lambda retry and, once retries
// are spent, lands the event in the failure queue or DLQ; so each one names what failed.

import { DualtrackError } from '../../shared/errors.ts';
import { printableKey } from '../../shared/storage/index.ts';

/** Base of every error the handlers raise on purpose. */
class FunctionError extends DualtrackError {
  override name = 'FunctionError';
}

/** An environment variable is missing or malformed: the deployment is wrong, fail at cold start. */
class ConfigError extends FunctionError {
  override name = 'ConfigError';
  readonly variables: string[];
  constructor(variables: string[], detail: string, options?: { cause?: unknown }) {
    super(`Invalid function configuration: ${detail}`, options);
    this.variables = variables;
  }
}

/** The event does not have the shape this function was wired to receive. */
class InvalidEventError extends FunctionError {
  override name = 'InvalidEventError';
  readonly source: string;
  readonly issues: string[];
  constructor(source: string, issues: string[], options?: { cause?: unknown }) {
    super(`Invalid ${source} event: ${issues.join('; ')}`, options);
    this.source = source;
    this.issues = issues;
  }
}

/**
 * One S3 record could not be turned into a receipt; thrown so Lambda retries it and, once the
 * retries are spent, parks it in the failure queue (an alarm). The key is quoted and escaped in
 * the message, so a key with a line break or a terminal escape stays one log line.
 */
class RecordFailedError extends FunctionError {
  override name = 'RecordFailedError';
  readonly bucket: string;
  readonly key: string;
  constructor(bucket: string, key: string, reason: string, options?: { cause?: unknown }) {
    super(`Could not process s3://${bucket}/ key ${printableKey(key)}: ${reason}`, options);
    this.bucket = bucket;
    this.key = key;
  }
}

/** The upload was handled but the publish request could not be queued. */
class PublishRequestError extends FunctionError {
  override name = 'PublishRequestError';
  readonly submissionId: string;
  constructor(submissionId: string, options?: { cause?: unknown }) {
    super(`Could not request a publish for submission ${submissionId}`, options);
    this.submissionId = submissionId;
  }
}

export { FunctionError, ConfigError, InvalidEventError, RecordFailedError, PublishRequestError };
