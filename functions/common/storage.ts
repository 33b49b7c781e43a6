// The S3 storage a function runs on. Each function is told only the buckets it may use (the
// stack grants and sets them together); touching another role fails at once with a clear
// message instead of an AccessDenied from a bucket named by accident.
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Storage } from '../../shared/storage/index.ts';
import type { BucketRole, S3StorageOptions, Storage } from '../../shared/storage/index.ts';
import { FunctionError } from './errors.ts';

type FunctionBuckets = Partial<Record<BucketRole, string>>;

/**
 * `conditionalWrites` stays 'server' on AWS; the local cloud, whose server is s3rver, passes
 * 'in-process' (see shared/storage/s3.ts).
 */
const createFunctionStorage = (
  client: S3Client,
  buckets: FunctionBuckets,
  options: Pick<S3StorageOptions, 'conditionalWrites'> = {},
): Storage => {
  const inner = createS3Storage({
    client,
    buckets: { uploads: buckets.uploads ?? '', data: buckets.data ?? '', public: buckets.public ?? '' },
    ...options,
  });
  const allowed = (role: BucketRole): void => {
    if (!buckets[role]) throw new FunctionError(`This function is not configured for the ${role} bucket`);
  };
  return {
    get: async (role, key) => (allowed(role), inner.get(role, key)),
    head: async (role, key) => (allowed(role), inner.head(role, key)),
    put: async (role, key, body, options) => (allowed(role), inner.put(role, key, body, options)),
    list: async (role, prefix) => (allowed(role), inner.list(role, prefix)),
    delete: async (role, key) => (allowed(role), inner.delete(role, key)),
  };
};

export { createFunctionStorage };
export type { FunctionBuckets };
