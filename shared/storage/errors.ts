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

export { StorageError, InvalidKeyError };
export type { StorageOperation };
