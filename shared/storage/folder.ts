// The Storage port over a local folder: DIR/uploads, DIR/data and DIR/public hold the three
// buckets' objects as plain files (so DIR/public can be served or browsed as the site).
//
// - Writes are atomic: the bytes go to DIR/.tmp first and are renamed into place, so a reader
//   sees the old file or the new one, never half of one.
// - Content type, cache control, content disposition and metadata are kept in a sidecar JSON
//   file under DIR/.meta/<bucket>/<key>.json, outside the bucket folders. The sidecar is
//   written just before the object, so for an instant a reader may pair new options with the
//   old bytes; only bytes are promised to be atomic.
// - The sidecar also keeps the object's MD5 with the size and modification time the file was
//   written with, so head and list give the ETag without reading the body; a file changed by
//   hand (or written before sidecars kept it) has its MD5 computed by head, and list leaves it out.
// - Keys must stay inside their folder: absolute keys, `..`/`.`/empty segments, backslashes
//   and NUL are refused with InvalidKeyError. So is a key that would need a file and a folder of
//   the same name (`a` beside `a/b`), which S3 allows and a file system does not.
// - No versions: versionId is never set. The ETag is the MD5 of the bytes, as S3 gives for a
//   single-part upload.
// - A conditional put (ifNoneMatch/ifMatch) holds a per-key lock file under DIR/.locks while it
//   compares the current object and writes the new one (folder-lock.ts), so it is atomic across
//   processes sharing the folder, and a lock left by a killed process is broken, not waited on.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { checkCondition, conditionOf, storedOptionsOf } from './condition.ts';
import { InvalidKeyError, StorageError } from './errors.ts';
import { createKeyLocks } from './folder-lock.ts';
import type { StorageOperation } from './errors.ts';
import { BucketRole } from './port.ts';
import type { ObjectInfo, PutOptions, Storage, StoredObject } from './port.ts';

const SidecarSchema = z.strictObject({
  contentType: z.string().optional(),
  cacheControl: z.string().optional(),
  contentDisposition: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  /**
   * The object's ETag (MD5) as written, with the size and modification time it was written at:
   * head and list trust it while the file still has both, so they never read a body.
   */
  written: z.strictObject({ etag: z.string(), size: z.number(), mtimeMs: z.number() }).optional(),
});
type Sidecar = z.infer<typeof SidecarSchema>;

const META_DIR = '.meta';
const TMP_DIR = '.tmp';
/** Where conditional puts keep their per-key lock files (outside the bucket folders). */
const LOCK_DIR = '.locks';

interface FolderStorageOptions {
  /** A conditional put's lock older than this is broken whoever holds it (default 30 s). */
  lockStaleMs?: number;
  /** How long a conditional put waits for a live holder's lock before failing (default 60 s). */
  lockWaitMs?: number;
}

const keyProblem = (key: string, { allowPrefix }: { allowPrefix: boolean }): string | null => {
  if (key.includes('\0')) return 'contains a NUL character';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.startsWith('/')) return 'is absolute';
  if (!allowPrefix && key === '') return 'is empty';
  if (!allowPrefix && key.endsWith('/')) return 'ends with a slash (a folder, not an object)';
  const segments = key.split('/');
  // A listing prefix may end with "/" (last segment empty) or stop mid-name.
  const checked = allowPrefix ? segments.slice(0, -1) : segments;
  if (checked.some((s) => s === '' || s === '.' || s === '..')) return 'has an empty, "." or ".." segment';
  if (allowPrefix && (segments.at(-1) === '.' || segments.at(-1) === '..')) return 'has a "." or ".." segment';
  return null;
};

const codeOf = (error: unknown): unknown => (error instanceof Error && 'code' in error ? error.code : undefined);

const isMissing = (error: unknown): boolean => codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR';

const isFileFolderClash = (error: unknown): boolean => ['EEXIST', 'ENOTDIR', 'EISDIR'].includes(String(codeOf(error)));

const byKey = (a: ObjectInfo, b: ObjectInfo): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const createFolderStorage = (dir: string, options: FolderStorageOptions = {}): Storage => {
  const locks = createKeyLocks({
    lockDir: join(dir, LOCK_DIR),
    tmpDir: join(dir, TMP_DIR),
    ...(options.lockStaleMs === undefined ? {} : { staleMs: options.lockStaleMs }),
    ...(options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs }),
  });
  const checkKey = (op: StorageOperation, role: BucketRole, key: string, allowPrefix = false): void => {
    if (!Object.values(BucketRole).includes(role)) throw new InvalidKeyError(op, role, key, 'unknown bucket');
    const problem = keyProblem(key, { allowPrefix });
    if (problem) throw new InvalidKeyError(op, role, key, problem);
  };
  const objectPath = (role: BucketRole, key: string): string => join(dir, role, ...key.split('/'));
  const sidecarPath = (role: BucketRole, key: string): string => `${join(dir, META_DIR, role, ...key.split('/'))}.json`;

  const attempt = async <T>(op: StorageOperation, role: BucketRole, key: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError(op, role, key, {
        cause: error,
        message: `folder ${op} failed for ${role}:${key}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const writeAtomically = async (path: string, body: Buffer | string): Promise<void> => {
    const tmp = join(dir, TMP_DIR, randomUUID());
    await mkdir(dirname(tmp), { recursive: true });
    await writeFile(tmp, body);
    try {
      await mkdir(dirname(path), { recursive: true });
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  };

  /** Stages the bytes, records their ETag, size and time in the sidecar, then moves them into place. */
  const writeObject = async (role: BucketRole, key: string, body: Buffer | string, side: Sidecar): Promise<void> => {
    const tmp = join(dir, TMP_DIR, randomUUID());
    await mkdir(dirname(tmp), { recursive: true });
    await writeFile(tmp, body);
    try {
      const staged = await stat(tmp);
      const etag = createHash('md5').update(body).digest('hex');
      const written = { etag, size: staged.size, mtimeMs: staged.mtimeMs };
      await writeAtomically(sidecarPath(role, key), JSON.stringify({ ...side, written }));
      const path = objectPath(role, key);
      await mkdir(dirname(path), { recursive: true });
      // rename keeps the staged file's modification time, the one the sidecar holds.
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  };

  const infoOf = (key: string, body: Buffer, mtime: Date): ObjectInfo => ({
    key,
    size: body.length,
    etag: createHash('md5').update(body).digest('hex'),
    lastModified: mtime,
  });

  const readSidecar = async (role: BucketRole, key: string): Promise<Sidecar> => {
    try {
      return SidecarSchema.parse(JSON.parse(await readFile(sidecarPath(role, key), 'utf8')));
    } catch (error) {
      if (isMissing(error)) return {};
      throw error;
    }
  };

  const readObject = async (role: BucketRole, key: string): Promise<{ body: Buffer; mtime: Date } | null> => {
    try {
      const path = objectPath(role, key);
      const s = await stat(path);
      if (!s.isFile()) return null;
      return { body: await readFile(path), mtime: s.mtime };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  /** The file's size and time, and its ETag when the sidecar still vouches for it; no body is read. */
  const describe = async (role: BucketRole, key: string): Promise<{ size: number; mtime: Date; etag: string | null } | null> => {
    let s;
    try {
      s = await stat(objectPath(role, key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (!s.isFile()) return null;
    const written = (await readSidecar(role, key).catch(() => ({}) as Sidecar)).written;
    // To the millisecond, as a Date keeps times: a file whose time was copied by hand still matches.
    const etag = written && written.size === s.size && Math.abs(written.mtimeMs - s.mtimeMs) < 1 ? written.etag : null;
    return { size: s.size, mtime: s.mtime, etag };
  };

  const walk = async (role: BucketRole, relDir: string): Promise<string[]> => {
    let entries;
    try {
      entries = await readdir(join(dir, role, ...relDir.split('/').filter(Boolean)), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const keys: string[] = [];
    for (const e of entries) {
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) keys.push(...(await walk(role, rel)));
      else if (e.isFile()) keys.push(rel);
    }
    return keys;
  };

  return {
    get: (role, key) =>
      attempt('get', role, key, async () => {
        checkKey('get', role, key);
        const o = await readObject(role, key);
        if (!o) return null;
        const side = await readSidecar(role, key);
        const obj: StoredObject = { ...infoOf(key, o.body, o.mtime), body: o.body };
        if (side.contentType !== undefined) obj.contentType = side.contentType;
        if (side.metadata !== undefined) obj.metadata = side.metadata;
        return obj;
      }),
    head: (role, key) =>
      attempt('head', role, key, async () => {
        checkKey('head', role, key);
        const d = await describe(role, key);
        if (!d) return null;
        if (d.etag !== null) return { key, size: d.size, etag: d.etag, lastModified: d.mtime };
        const o = await readObject(role, key);
        return o ? infoOf(key, o.body, o.mtime) : null;
      }),
    put: (role, key, body, options: PutOptions = {}) =>
      attempt('put', role, key, async () => {
        checkKey('put', role, key);
        const condition = conditionOf(role, key, options);
        const side = SidecarSchema.parse(storedOptionsOf(options));
        const write = async (): Promise<void> => {
          if (condition) {
            const current = await readObject(role, key);
            checkCondition(role, key, condition, current ? infoOf(key, current.body, current.mtime).etag ?? null : null);
          }
          await writeObject(role, key, body, side);
        };
        try {
          await (condition ? locks.withLock(`${role}/${key}`, write) : write());
        } catch (error) {
          if (isFileFolderClash(error)) {
            throw new InvalidKeyError('put', role, key, 'a file and a folder of the same name cannot coexist in a folder store');
          }
          throw error;
        }
      }),
    list: (role, prefix) =>
      attempt('list', role, prefix, async () => {
        checkKey('list', role, prefix, true);
        const base = prefix.slice(0, prefix.lastIndexOf('/') + 1).replace(/\/$/, '');
        const keys = (await walk(role, base)).filter((k) => k.startsWith(prefix));
        const out: ObjectInfo[] = [];
        for (const key of keys) {
          const d = await describe(role, key);
          if (d) out.push({ key, size: d.size, lastModified: d.mtime, ...(d.etag === null ? {} : { etag: d.etag }) });
        }
        return out.sort(byKey);
      }),
    delete: (role, key) =>
      attempt('delete', role, key, async () => {
        checkKey('delete', role, key);
        await rm(objectPath(role, key), { force: true });
        await rm(sidecarPath(role, key), { force: true });
      }),
  };
};

export { createFolderStorage, LOCK_DIR, TMP_DIR };
export type { FolderStorageOptions };
