// The Storage port over Amazon S3 (or anything that speaks its API, e.g. s3rver). The client
// is passed in, so the caller decides region, endpoint and credentials.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { StorageError } from './errors.ts';
import type { StorageOperation } from './errors.ts';
import type { BucketRole, ObjectInfo, Storage, StoredObject } from './port.ts';

interface S3StorageOptions {
  client: S3Client;
  /** Real bucket name for each role. */
  buckets: Record<BucketRole, string>;
}

// S3 stores metadata keys in lower case and gives them back so: callers use lower-case keys, and
// every adapter then returns metadata exactly as it was put.

// GetObject says NoSuchKey, HeadObject (no body) only NotFound; a missing bucket is a real fault.
const isMissingObject = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

// S3 quotes ETags in responses but not in event notifications; strip them so both agree.
const bareEtag = (etag: string | undefined): string | undefined => etag?.replace(/^"|"$/g, '');

const createS3Storage = ({ client, buckets }: S3StorageOptions): Storage => {
  const attempt = async <T>(op: StorageOperation, role: BucketRole, key: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw new StorageError(op, role, key, {
        cause: error,
        message: `S3 ${op} failed for s3://${buckets[role]}/${key}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const info = (key: string, r: { ContentLength?: number; ETag?: string; VersionId?: string; LastModified?: Date }): ObjectInfo => {
    const o: ObjectInfo = { key, size: r.ContentLength ?? 0 };
    const etag = bareEtag(r.ETag);
    if (etag !== undefined) o.etag = etag;
    if (r.VersionId !== undefined && r.VersionId !== 'null') o.versionId = r.VersionId;
    if (r.LastModified !== undefined) o.lastModified = r.LastModified;
    return o;
  };

  return {
    get: (role, key) =>
      attempt('get', role, key, async () => {
        try {
          const r = await client.send(new GetObjectCommand({ Bucket: buckets[role], Key: key }));
          const body = Buffer.from(r.Body ? await r.Body.transformToByteArray() : new Uint8Array());
          const obj: StoredObject = { ...info(key, r), size: body.length, body };
          if (r.ContentType !== undefined) obj.contentType = r.ContentType;
          if (r.Metadata !== undefined) obj.metadata = r.Metadata;
          return obj;
        } catch (error) {
          if (isMissingObject(error)) return null;
          throw error;
        }
      }),
    head: (role, key) =>
      attempt('head', role, key, async () => {
        try {
          return info(key, await client.send(new HeadObjectCommand({ Bucket: buckets[role], Key: key })));
        } catch (error) {
          if (isMissingObject(error)) return null;
          throw error;
        }
      }),
    put: (role, key, body, options = {}) =>
      attempt('put', role, key, async () => {
        // A Buffer, never a stream: the SDK cannot sign a stream of unknown length.
        await client.send(
          new PutObjectCommand({
            Bucket: buckets[role],
            Key: key,
            Body: Buffer.from(body),
            ContentType: options.contentType,
            CacheControl: options.cacheControl,
            ContentDisposition: options.contentDisposition,
            Metadata: options.metadata,
          }),
        );
      }),
    list: (role, prefix) =>
      attempt('list', role, prefix, async () => {
        const out: ObjectInfo[] = [];
        let token: string | undefined;
        do {
          const r = await client.send(
            new ListObjectsV2Command({ Bucket: buckets[role], Prefix: prefix, ContinuationToken: token }),
          );
          for (const c of r.Contents ?? []) {
            if (c.Key === undefined) continue;
            out.push(info(c.Key, { ContentLength: c.Size, ETag: c.ETag, LastModified: c.LastModified }));
          }
          token = r.IsTruncated ? r.NextContinuationToken : undefined;
        } while (token);
        return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      }),
    delete: (role, key) =>
      attempt('delete', role, key, async () => {
        await client.send(new DeleteObjectCommand({ Bucket: buckets[role], Key: key }));
      }),
  };
};

export { createS3Storage };
export type { S3StorageOptions };
