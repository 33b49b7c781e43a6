// Operational errors of the storage adapters. "No such object" is not an error (get/head
// return null); everything else the backend refuses is wrapped here with its context.
import { DualtrackError } from '../errors.ts';
import type { BucketRole } from './port.ts';

type StorageOperation = 'get' | 'head' | 'put' | 'list' | 'delete';

class StorageError extends DualtrackError {
  override name = 'StorageError';
  readonly operation: StorageOperation;
  readonly bucket: BucketRole;
  readonly key: string;

  constructor(operation: StorageOperation, bucket: BucketRole, key: string, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? `storage ${operation} failed for ${bucket}:${key}`, { cause: options?.cause });
    this.operation = operation;
    this.bucket = bucket;
    this.key = key;
  }
}

/** A key the folder adapter refuses because it could escape its folder or is not a file name. */
class InvalidKeyError extends StorageError {
  override name = 'InvalidKeyError';
  readonly reason: string;

  constructor(operation: StorageOperation, bucket: BucketRole, key: string, reason: string) {
    super(operation, bucket, key, { message: `invalid key ${JSON.stringify(key)} in ${bucket}: ${reason}` });
    this.reason = reason;
  }
}

/** Which condition of a conditional put did not hold. */
type WriteConditionName = 'ifNoneMatch' | 'ifMatch';

/**
 * A conditional put whose condition did not hold: with `ifNoneMatch: '*'` an object already
 * exists under the key; with `ifMatch` the object is gone or is no longer the version whose
 * ETag was given (someone else wrote it in between). Nothing was written. The caller lost a
 * race: it re-reads and decides again.
 */
class PreconditionFailedError extends StorageError {
  override name = 'PreconditionFailedError';
  readonly condition: WriteConditionName;

  constructor(bucket: BucketRole, key: string, condition: WriteConditionName, options?: { cause?: unknown; detail?: string }) {
    const what =
      condition === 'ifNoneMatch'
        ? 'an object already exists under that key (create only)'
        : 'the object is not the version it was read as (replace only that version)';
    super('put', bucket, key, {
      cause: options?.cause,
      message: `conditional put refused for ${bucket}:${key}: ${options?.detail ?? what}`,
    });
    this.condition = condition;
  }
}

export { StorageError, InvalidKeyError, PreconditionFailedError };
export type { StorageOperation, WriteConditionName };
