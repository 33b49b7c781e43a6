// The Storage port over Amazon S3 (or anything that speaks its API, e.g. s3rver). The client
// is passed in, so the caller decides region, endpoint and credentials.
//
// Conditional puts send S3's own headers (`If-None-Match: *`, `If-Match: <etag>`): S3 answers
// 412 PreconditionFailed when the condition does not hold and 409 ConditionalRequestConflict
// when another write to the key won meanwhile; both become PreconditionFailedError. s3rver
// ignores those headers and would let every racer win, so a store whose server is s3rver (the
// local cloud, tests) asks for `conditionalWrites: 'in-process'`: every conditional put to a
// key then runs alone in one lane per key in this process (head, compare, put). s3rver also
// rewrites a file in place and its metadata after it, so a read overlapping a write can see
// half an object or new bytes with the old ETag: in that mode every get, head, put and delete of
// a key takes its lane too. That is exact only while this process is the server's one writer of
// those keys, which is how the local cloud runs it.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { checkCondition, conditionOf } from './condition.ts';
import type { WriteCondition } from './condition.ts';
import { PreconditionFailedError, StorageError } from './errors.ts';
import type { StorageOperation } from './errors.ts';
import type { BucketRole, ObjectInfo, Storage, StoredObject } from './port.ts';

interface S3StorageOptions {
  client: S3Client;
  /** Real bucket name for each role. */
  buckets: Record<BucketRole, string>;
  /**
   * `'server'` (the default, for S3): the server enforces a put's condition. `'in-process'`:
   * for servers that ignore conditional headers (s3rver); see the note at the top.
   */
  conditionalWrites?: 'server' | 'in-process';
}

/**
 * One lane per bucket and key, for this whole process ('in-process' mode only): every store
 * built on the same server shares it (the local cloud builds one per function), so their
 * operations on one key take turns.
 */
const keyLanes = new Map<string, Promise<unknown>>();

const inKeyLane = <T>(laneKey: string, job: () => Promise<T>): Promise<T> => {
  const before = keyLanes.get(laneKey) ?? Promise.resolve();
  const result = before.then(job, job);
  const tail = result.catch(() => undefined);
  keyLanes.set(laneKey, tail);
  // The last job out removes the lane, so the map holds only keys being written.
  void tail.then(() => {
    if (keyLanes.get(laneKey) === tail) keyLanes.delete(laneKey);
  });
  return result;
};

/** The S3 answers that mean "your condition did not hold" (a missing object for If-Match too). */
const refusedCondition = (error: unknown, condition: WriteCondition): boolean => {
  if (!(error instanceof Error)) return false;
  const status = '$metadata' in error ? (error.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode : undefined;
  if (error.name === 'PreconditionFailed' || status === 412) return true;
  if (error.name === 'ConditionalRequestConflict') return true;
  return condition.kind === 'replace' && (error.name === 'NoSuchKey' || status === 404);
};

// S3 stores metadata keys in lower case and gives them back so: callers use lower-case keys, and
// every adapter then returns metadata exactly as it was put.

// GetObject says NoSuchKey, HeadObject (no body) only NotFound; a missing bucket is a real fault.
const isMissingObject = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

// S3 quotes ETags in responses but not in event notifications; strip them so both agree.
const bareEtag = (etag: string | undefined): string | undefined => etag?.replace(/^"|"$/g, '');

const createS3Storage = ({ client, buckets, conditionalWrites = 'server' }: S3StorageOptions): Storage => {
  const serverSide = conditionalWrites === 'server';
  const attempt = async <T>(op: StorageOperation, role: BucketRole, key: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await (serverSide || op === 'list' ? fn() : inKeyLane(`${buckets[role]}\0${key}`, fn));
    } catch (error) {
      if (error instanceof StorageError) throw error;
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
        const condition = conditionOf(role, key, options);
        const send = () =>
          client.send(
            new PutObjectCommand({
              Bucket: buckets[role],
              Key: key,
              // A Buffer, never a stream: the SDK cannot sign a stream of unknown length.
              Body: Buffer.from(body),
              ContentType: options.contentType,
              CacheControl: options.cacheControl,
              ContentDisposition: options.contentDisposition,
              Metadata: options.metadata,
              ...(serverSide && condition?.kind === 'create' ? { IfNoneMatch: '*' } : {}),
              // S3 compares the quoted entity tag.
              ...(serverSide && condition?.kind === 'replace' ? { IfMatch: `"${condition.etag}"` } : {}),
            }),
          );
        if (!condition) {
          await send();
          return;
        }
        if (!serverSide) {
          // Already in the key's lane (see attempt): nothing else of this process touches the key.
          const current = await client
            .send(new HeadObjectCommand({ Bucket: buckets[role], Key: key }))
            .then((r) => bareEtag(r.ETag) ?? null)
            .catch((error: unknown) => {
              if (isMissingObject(error)) return null;
              throw error;
            });
          checkCondition(role, key, condition, current);
          await send();
          return;
        }
        try {
          await send();
        } catch (error) {
          if (refusedCondition(error, condition)) {
            throw new PreconditionFailedError(role, key, condition.kind === 'create' ? 'ifNoneMatch' : 'ifMatch', { cause: error });
          }
          throw error;
        }
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
