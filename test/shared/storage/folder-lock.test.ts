// The folder store's per-key lock: a lock left by a killed process, or one held far too long,
// is broken so the next conditional put goes through; a live, fresh holder is waited for and a
// put that waited too long fails without writing.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFolderStorage, StorageError } from '../../../shared/storage/index.ts';
import { LOCK_DIR, TMP_DIR } from '../../../shared/storage/folder.ts';
import { createKeyLocks } from '../../../shared/storage/folder-lock.ts';
import type { LockFile } from '../../../shared/storage/folder-lock.ts';
import { tempDirs } from '../../helpers/temp.ts';

/** The pid of a process that has exited: a holder killed mid-write. */
const deadPid = async (): Promise<number> => {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
};

describe('the folder store lock of a conditional put', () => {
  const temp = tempDirs('dualtrack-lock-');
  let dir = '';
  beforeEach(() => {
    dir = temp.make();
  });

  const leaveLock = async (bucket: string, key: string, lock: Omit<LockFile, 'nonce'>): Promise<string> => {
    const path = createKeyLocks({ lockDir: join(dir, LOCK_DIR), tmpDir: join(dir, TMP_DIR) }).lockPath(`${bucket}/${key}`);
    await mkdir(join(dir, LOCK_DIR), { recursive: true });
    await writeFile(path, JSON.stringify({ ...lock, nonce: 'left-behind' }));
    return path;
  };

  it('breaks a fresh lock whose process is dead, and the put goes through', async () => {
    // Prepare: only the dead pid can make this lock stale (it is seconds old, the age limit an hour).
    await leaveLock('public', 'releases/1/.claim', { pid: await deadPid(), host: hostname(), at: Date.now() });
    const storage = createFolderStorage(dir, { lockStaleMs: 3_600_000, lockWaitMs: 5_000 });
    // Act
    await storage.put('public', 'releases/1/.claim', 'mine', { ifNoneMatch: '*' });
    // Assess
    expect((await storage.get('public', 'releases/1/.claim'))?.body.toString()).toBe('mine');
    expect(await readdir(join(dir, LOCK_DIR))).toEqual([]);
  });

  it('breaks a lock of a live process once it is older than the stale age', async () => {
    await leaveLock('data', 'index.json', { pid: process.pid, host: hostname(), at: Date.now() - 120_000 });
    const storage = createFolderStorage(dir, { lockStaleMs: 60_000, lockWaitMs: 5_000 });
    await storage.put('data', 'index.json', '{}', { ifNoneMatch: '*' });
    expect((await storage.get('data', 'index.json'))?.body.toString()).toBe('{}');
  });

  it('waits for a live, fresh holder and fails without writing when it never lets go', async () => {
    // Prepare
    const path = await leaveLock('data', 'index.json', { pid: process.pid, host: hostname(), at: Date.now() });
    const storage = createFolderStorage(dir, { lockStaleMs: 3_600_000, lockWaitMs: 300 });
    // Act
    const error = await storage.put('data', 'index.json', '{}', { ifNoneMatch: '*' }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(StorageError);
    expect(String((error as Error).message)).toMatch(/held by a live process/);
    expect(await storage.head('data', 'index.json')).toBeNull();
    expect((await readdir(join(dir, LOCK_DIR))).map((f) => join(dir, LOCK_DIR, f))).toEqual([path]);
  });

  it('leaves no lock or temp file behind after conditional puts', async () => {
    const storage = createFolderStorage(dir);
    await storage.put('data', 'a.json', '1', { ifNoneMatch: '*' });
    await storage.put('data', 'a.json', '2', { ifMatch: (await storage.head('data', 'a.json'))?.etag ?? '' });
    expect(await readdir(join(dir, LOCK_DIR))).toEqual([]);
    expect(await readdir(join(dir, TMP_DIR))).toEqual([]);
  });
});
