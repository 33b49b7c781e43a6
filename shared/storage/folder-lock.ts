// A lock on one key of a folder store that holds across processes: the conditional puts of the
// folder adapter check the current object and write the new one while holding it, so of two
// processes racing on one key exactly one wins.
//
// - Taking it: the lock file (pid, host, time, a random nonce) is written to a temp file and
//   hard-linked into place. link(2) refuses an existing target as open(O_EXCL) does, and the lock
//   file never exists without its content, so a waiter can always read who holds it.
// - A holder killed mid-write must not block the key for ever: a lock whose pid is dead on this
//   host, or older than `staleMs`, is stale. A waiter breaks it by renaming it aside (only one
//   rename of a given file succeeds), then checks that what it moved is the lock it judged; if it
//   moved a fresh lock instead, it links that one back.
// - Releasing removes the lock only while it is still ours.
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';

const LockFileSchema = z.strictObject({
  pid: z.number().int(),
  host: z.string(),
  at: z.number(),
  nonce: z.string(),
});
type LockFile = z.infer<typeof LockFileSchema>;

interface KeyLockOptions {
  /** Folder of the lock files (one per key, named by a hash of bucket and key). */
  lockDir: string;
  /** Folder for temp files on the same file system. */
  tmpDir: string;
  /** A lock older than this is stale whoever holds it (a write never takes this long). */
  staleMs?: number;
  /** Give up waiting after this long (a live holder that never lets go). */
  waitMs?: number;
}

const DEFAULT_STALE_MS = 30_000;

const codeOf = (error: unknown): unknown => (error instanceof Error && 'code' in error ? error.code : undefined);

/** True unless the process is known to be gone (EPERM: it exists but belongs to someone else). */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) !== 'ESRCH';
  }
};

const readLock = async (path: string): Promise<LockFile | null> => {
  try {
    const parsed = LockFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

const isStale = (lock: LockFile | null, mtimeMs: number, staleMs: number): boolean => {
  const now = Date.now();
  // A lock file we cannot read (not ours to read, or damaged) is judged by its age alone.
  if (!lock) return now - mtimeMs > staleMs;
  if (lock.host === hostname() && !isAlive(lock.pid)) return true;
  return now - lock.at > staleMs;
};

const createKeyLocks = ({ lockDir, tmpDir, staleMs = DEFAULT_STALE_MS, waitMs = 2 * staleMs }: KeyLockOptions) => {
  const lockPath = (scope: string): string => join(lockDir, `${createHash('sha256').update(scope).digest('hex')}.lock`);

  /** Tries once: true when the lock is now ours. */
  const tryTake = async (path: string, mine: LockFile): Promise<boolean> => {
    const tmp = join(tmpDir, `lock-${randomUUID()}`);
    await mkdir(tmpDir, { recursive: true });
    await mkdir(lockDir, { recursive: true });
    await writeFile(tmp, JSON.stringify(mine));
    try {
      await link(tmp, path);
      return true;
    } catch (error) {
      if (codeOf(error) === 'EEXIST') return false;
      throw error;
    } finally {
      await rm(tmp, { force: true });
    }
  };

  /** Breaks the lock at `path` if it is stale; true when the caller should try again at once. */
  const breakIfStale = async (path: string): Promise<boolean> => {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(path)).mtimeMs;
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return true; // released meanwhile
      throw error;
    }
    const held = await readLock(path);
    if (!isStale(held, mtimeMs, staleMs)) return false;
    const aside = join(tmpDir, `stale-lock-${randomUUID()}`);
    try {
      await rename(path, aside);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return true; // someone else broke or released it
      throw error;
    }
    const moved = await readLock(aside);
    if (held && moved?.nonce !== held.nonce) {
      // Between our look and the rename another waiter broke the stale lock and took it: give
      // it back. If a third took the key meanwhile, the link fails and the moved lock is lost.
      await link(aside, path).catch(() => undefined);
    }
    await rm(aside, { force: true });
    return true;
  };

  /**
   * Runs `job` while holding the lock named `scope` (e.g. bucket and key). Waits for a live
   * holder, breaks a stale one, and gives up after `waitMs` with an error naming the lock.
   */
  const withLock = async <T>(scope: string, job: () => Promise<T>): Promise<T> => {
    const path = lockPath(scope);
    const mine: LockFile = { pid: process.pid, host: hostname(), at: Date.now(), nonce: randomUUID() };
    const deadline = Date.now() + waitMs;
    for (let attempt = 0; ; attempt += 1) {
      mine.at = Date.now();
      if (await tryTake(path, mine)) break;
      if (await breakIfStale(path)) continue;
      if (Date.now() > deadline) throw new Error(`the lock ${path} for ${scope} has been held by a live process for over ${waitMs} ms`);
      // Short, jittered waits: two waiters do not wake in step.
      await sleep(5 + Math.random() * Math.min(50, 5 * (attempt + 1)));
    }
    try {
      return await job();
    } finally {
      const still = await readLock(path);
      if (still?.nonce === mine.nonce) await rm(path, { force: true });
    }
  };

  return { withLock, lockPath };
};

export { createKeyLocks, isAlive, DEFAULT_STALE_MS };
export type { KeyLockOptions, LockFile };
