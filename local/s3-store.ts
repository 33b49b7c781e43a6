// s3rver's file store, made to survive what S3 survives. Two changes to the store s3rver ships:
// - Keys and bucket names the files cannot hold (object-keys.ts) are refused with an S3 error
//   (400, XML body) before any path is built: `..` used to write outside the bucket's folder,
//   and a 300-byte file name crashed the whole server.
// - Objects, their MD5 and their metadata are each written to a scratch file and renamed into
//   place, so a kill (or a client that hangs up) never leaves an empty or truncated file behind,
//   only a complete old or new one. s3rver wrote in place, and one empty metadata file then made
//   every later listing of the bucket fail. What an earlier kill left (or a kill between the
//   renames) is put right on start by s3-repair.ts.
// The scratch folder sits beside the buckets under a name no bucket can have, so listings never
// see a file appear and vanish.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { isBucketName, keyProblem } from './object-keys.ts';

/** Where writes are staged before their rename; `.` cannot begin a bucket name. */
const SCRATCH_DIR = '.dualtrack-partial';

/** s3rver's names for an object's files, after the last key segment. */
const ObjectFile = { object: 'object', md5: 'object.md5', metadata: 'metadata.json' } as const;

// s3rver ships no types; these are the slices of its store and models used here.
interface S3rverObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}
interface FilesystemStoreBase {
  getBucket(bucket: string): Promise<unknown>;
  getBucketPath(bucket: string): string;
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
}
type FilesystemStoreConstructor = new (rootDirectory: string) => FilesystemStoreBase;
type S3ErrorConstructor = new (code: string, message: string, detail?: Record<string, string>) => Error;

const require = createRequire(import.meta.url);
const FilesystemStore = require('s3rver/lib/stores/filesystem') as FilesystemStoreConstructor;
const S3Error = require('s3rver/lib/models/error') as S3ErrorConstructor;
const { ALLOWED_METADATA } = require('s3rver/lib/models/object') as { ALLOWED_METADATA: readonly string[] };

/** The metadata s3rver keeps for an object: the standard headers it allows and x-amz-meta-*. */
const storedMetadata = (metadata: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(metadata).filter(([k]) => ALLOWED_METADATA.includes(k) || k.startsWith('x-amz-meta-')));

class GuardedStore extends FilesystemStore {
  private readonly scratch: string;

  constructor(rootDirectory: string) {
    super(rootDirectory);
    this.scratch = join(rootDirectory, SCRATCH_DIR);
  }

  /** A name no bucket may have (the scratch folder, `..`) is no bucket at all. */
  override async getBucket(bucket: string): Promise<unknown> {
    return isBucketName(bucket) ? super.getBucket(bucket) : null;
  }

  override getBucketPath(bucket: string): string {
    if (!isBucketName(bucket)) throw new S3Error('InvalidBucketName', `The specified bucket is not valid: ${JSON.stringify(bucket)}`, { BucketName: bucket });
    return super.getBucketPath(bucket);
  }

  override getResourcePath(bucket: string, key: string | undefined, resource: string): string {
    this.getBucketPath(bucket);
    const problem = keyProblem(key ?? '');
    if (problem) throw new S3Error(problem.code, problem.message, { ArgumentName: 'key' });
    return super.getResourcePath(bucket, key, resource);
  }

  /** Writes `body` to `path` through a scratch file and a rename. */
  private async replaceFile(path: string, body: string | Buffer | Readable, onChunk?: (chunk: Buffer) => void): Promise<number> {
    await mkdir(this.scratch, { recursive: true });
    const staged = join(this.scratch, `${randomUUID()}.part`);
    let size = 0;
    try {
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        const bytes = Buffer.from(body);
        onChunk?.(bytes);
        size = bytes.length;
        await writeFile(staged, bytes);
      } else {
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            onChunk?.(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        });
        await pipeline(body, counter, createWriteStream(staged));
      }
      await mkdir(dirname(path), { recursive: true });
      await rename(staged, path);
      return size;
    } catch (error) {
      await rm(staged, { force: true });
      throw error;
    }
  }

  async putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void> {
    if (md5) await this.replaceFile(this.getResourcePath(bucket, key, ObjectFile.md5), md5);
    await this.replaceFile(this.getResourcePath(bucket, key, ObjectFile.metadata), JSON.stringify(storedMetadata(metadata), null, 2));
  }

  async putObject(object: S3rverObject): Promise<{ size: number; md5: string }> {
    const path = this.getResourcePath(object.bucket, object.key, ObjectFile.object);
    const hash = createHash('md5');
    const size = await this.replaceFile(path, object.content, (chunk) => hash.update(chunk));
    const md5 = hash.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, md5);
    return { size, md5 };
  }
}

/** The store for s3rver at `rootDirectory` (one folder per bucket). */
const createGuardedStore = (rootDirectory: string): GuardedStore => new GuardedStore(rootDirectory);

export { createGuardedStore, GuardedStore, ObjectFile, SCRATCH_DIR };
