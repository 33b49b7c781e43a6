// The storage port: the only way handlers and the CLI touch buckets. Adapters: S3, a local
// folder, and an in-memory one for unit tests; all keep the same contract. Buckets are named by
// role (the stack contract's BucketRole); adapters map roles to real bucket names or folders.
import { BucketRole } from '../stack/index.ts';

interface ObjectInfo {
  key: string;
  size: number;
  etag?: string;
  versionId?: string;
  lastModified?: Date;
}

interface StoredObject extends ObjectInfo {
  body: Buffer;
  contentType?: string;
  metadata?: Record<string, string>;
}

interface PutOptions {
  contentType?: string;
  cacheControl?: string;
  contentDisposition?: string;
  metadata?: Record<string, string>;
}

interface Storage {
  /** The object, or null when there is none under that key. */
  get(bucket: BucketRole, key: string): Promise<StoredObject | null>;
  head(bucket: BucketRole, key: string): Promise<ObjectInfo | null>;
  put(bucket: BucketRole, key: string, body: Buffer | string, options?: PutOptions): Promise<void>;
  /** Every object under the prefix (all pages), sorted by key. */
  list(bucket: BucketRole, prefix: string): Promise<ObjectInfo[]>;
  delete(bucket: BucketRole, key: string): Promise<void>;
}

export { BucketRole };
export type { ObjectInfo, StoredObject, PutOptions, Storage };
