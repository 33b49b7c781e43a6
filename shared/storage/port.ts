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
  /**
   * `'*'`: create only. The put succeeds only when no object exists under the key; otherwise it
   * fails with PreconditionFailedError and writes nothing (S3 `If-None-Match: *`).
   */
  ifNoneMatch?: '*';
  /**
   * Replace only this version: the put succeeds only when the object exists and its ETag (as
   * `get`/`head`/`list` give it, quoted or bare) is this one; otherwise PreconditionFailedError
   * and nothing is written (S3 `If-Match`). Read, change, put with ifMatch, and on failure read
   * again: no concurrent writer's update is ever lost.
   */
  ifMatch?: string;
}

interface Storage {
  /** The object, or null when there is none under that key. */
  get(bucket: BucketRole, key: string): Promise<StoredObject | null>;
  head(bucket: BucketRole, key: string): Promise<ObjectInfo | null>;
  /**
   * Writes the object whole (a reader sees the old bytes or the new ones). With `ifNoneMatch` or
   * `ifMatch` (never both) the write is conditional, and exactly one of several racing
   * conditional writers on one key wins; the others get PreconditionFailedError.
   */
  put(bucket: BucketRole, key: string, body: Buffer | string, options?: PutOptions): Promise<void>;
  /** Every object under the prefix (all pages), sorted by key. */
  list(bucket: BucketRole, prefix: string): Promise<ObjectInfo[]>;
  delete(bucket: BucketRole, key: string): Promise<void>;
}

export { BucketRole };
export type { ObjectInfo, StoredObject, PutOptions, Storage };
