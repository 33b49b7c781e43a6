// One contract, three adapters: whatever a handler can observe through the Storage port must
// be the same on S3 (s3rver on loopback), a local folder and memory.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderStorage, createMemoryStorage, createS3Storage } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';

interface Subject {
  name: string;
  setUp: () => Promise<Storage>;
  tearDown: () => Promise<void>;
}

const memory = (): Subject => ({ name: 'memory', setUp: async () => createMemoryStorage(), tearDown: async () => {} });

const folder = (): Subject => {
  let dir = '';
  return {
    name: 'folder',
    setUp: async () => {
      dir = await mkdtemp(join(tmpdir(), 'dualtrack-folder-'));
      return createFolderStorage(dir);
    },
    tearDown: () => rm(dir, { recursive: true, force: true }),
  };
};

const s3 = (): Subject => {
  let handle: S3rverHandle | null = null;
  return {
    name: 's3 (s3rver)',
    setUp: async () => {
      handle = await startS3rver(['t-uploads', 't-data', 't-public']);
      return createS3Storage({ client: handle.client, buckets: { uploads: 't-uploads', data: 't-data', public: 't-public' } });
    },
    tearDown: async () => {
      await handle?.stop();
    },
  };
};

const md5 = (b: Buffer | string): string => createHash('md5').update(b).digest('hex');

describe.each([memory(), folder(), s3()])('the storage contract on $name', (subject) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await subject.setUp();
  });
  afterAll(() => subject.tearDown());

  it('gives back the bytes, content type and metadata that were put', async () => {
    // Prepare
    const body = Buffer.from([0, 1, 2, 250, 255]);
    // Act
    await storage.put('data', 'a/bytes.bin', body, { contentType: 'application/octet-stream', metadata: { origin: 'test' } });
    const got = await storage.get('data', 'a/bytes.bin');
    // Assess
    expect(got?.body.equals(body)).toBe(true);
    expect(got?.size).toBe(5);
    expect(got?.contentType).toBe('application/octet-stream');
    expect(got?.metadata).toEqual({ origin: 'test' });
  });

  it('stores a string body as UTF-8', async () => {
    await storage.put('public', 'text/é.txt', 'Türkiye €');
    const got = await storage.get('public', 'text/é.txt');
    expect(got?.body.toString('utf8')).toBe('Türkiye €');
    expect(got?.size).toBe(Buffer.byteLength('Türkiye €'));
  });

  it('returns null from get and head when there is no object under the key', async () => {
    expect(await storage.get('uploads', 'nothing/here.json')).toBeNull();
    expect(await storage.head('uploads', 'nothing/here.json')).toBeNull();
  });

  it('heads an object with its size and the MD5 of its bytes as a bare ETag', async () => {
    // Prepare
    await storage.put('uploads', 'submissions/POL/my file (1).xlsx', 'abc');
    // Act
    const info = await storage.head('uploads', 'submissions/POL/my file (1).xlsx');
    // Assess
    expect(info).toMatchObject({ key: 'submissions/POL/my file (1).xlsx', size: 3, etag: md5('abc') });
  });

  it('replaces an object put again under the same key', async () => {
    await storage.put('data', 'replace/me.json', '{"v":1}', { contentType: 'application/json' });
    await storage.put('data', 'replace/me.json', '{"v":22}', { contentType: 'text/plain' });
    const got = await storage.get('data', 'replace/me.json');
    expect(got?.body.toString()).toBe('{"v":22}');
    expect(got?.contentType).toBe('text/plain');
  });

  it('keeps buckets apart', async () => {
    await storage.put('uploads', 'same/key.txt', 'uploads');
    await storage.put('public', 'same/key.txt', 'public');
    expect((await storage.get('uploads', 'same/key.txt'))?.body.toString()).toBe('uploads');
    expect((await storage.get('public', 'same/key.txt'))?.body.toString()).toBe('public');
    expect(await storage.head('data', 'same/key.txt')).toBeNull();
  });

  it('lists exactly the objects under a prefix, sorted by key, including a prefix that stops mid-name', async () => {
    // Prepare
    for (const key of ['list/b/2.json', 'list/a.json', 'list/b/1.json', 'listing.json', 'other/x.json']) {
      await storage.put('data', key, key);
    }
    // Act
    const underFolder = await storage.list('data', 'list/');
    const midName = await storage.list('data', 'list');
    // Assess
    expect(underFolder.map((o) => o.key)).toEqual(['list/a.json', 'list/b/1.json', 'list/b/2.json']);
    expect(underFolder.map((o) => o.size)).toEqual([11, 13, 13]);
    expect(midName.map((o) => o.key)).toEqual(['list/a.json', 'list/b/1.json', 'list/b/2.json', 'listing.json']);
  });

  it('lists nothing under a prefix no object has', async () => {
    expect(await storage.list('public', 'nope/')).toEqual([]);
  });

  it('lists past the first page of a thousand objects', async () => {
    // Prepare: 1003 objects, more than one ListObjectsV2 page.
    const keys = Array.from({ length: 1003 }, (_, i) => `many/${String(i).padStart(4, '0')}.txt`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((k) => storage.put('uploads', k, 'x')));
    }
    // Act
    const listed = await storage.list('uploads', 'many/');
    // Assess
    expect(listed.map((o) => o.key)).toEqual(keys);
  });

  it('deletes an object, and deleting a missing one is not an error', async () => {
    await storage.put('public', 'gone/soon.txt', 'x');
    await storage.delete('public', 'gone/soon.txt');
    await storage.delete('public', 'gone/never-was.txt');
    expect(await storage.get('public', 'gone/soon.txt')).toBeNull();
    expect(await storage.list('public', 'gone/')).toEqual([]);
  });

  it('does not let a caller change a stored object by mutating the buffer it put or got', async () => {
    const body = Buffer.from('original');
    await storage.put('data', 'immutable.txt', body);
    body.write('XXXXXXXX');
    const first = await storage.get('data', 'immutable.txt');
    first?.body.write('YYYYYYYY');
    expect((await storage.get('data', 'immutable.txt'))?.body.toString()).toBe('original');
  });
});
