// One contract, three adapters: whatever a handler can observe through the Storage port must
// be the same on S3 (s3rver on loopback), a local folder and memory. That includes conditional
// puts: s3rver ignores the headers, so the S3 store runs with conditionalWrites 'in-process',
// as the local cloud does (the headers S3 itself gets are checked in s3.test.ts).
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderStorage, createMemoryStorage, createS3Storage, PreconditionFailedError, StorageError } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import { startTsChild } from '../../helpers/ts-child.ts';
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
      return createS3Storage({
        client: handle.client,
        buckets: { uploads: 't-uploads', data: 't-data', public: 't-public' },
        conditionalWrites: 'in-process',
      });
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

  describe('conditional puts', () => {
    const text = async (key: string): Promise<string | undefined> => (await storage.get('data', key))?.body.toString();

    it('creates with ifNoneMatch only where no object is, and refuses a second create without writing', async () => {
      // Act
      await storage.put('data', 'claims/one', 'first', { ifNoneMatch: '*', contentType: 'text/plain' });
      const second = await storage.put('data', 'claims/one', 'second', { ifNoneMatch: '*' }).catch((e: unknown) => e);
      // Assess
      expect(second).toBeInstanceOf(PreconditionFailedError);
      expect(second).toMatchObject({ operation: 'put', bucket: 'data', key: 'claims/one', condition: 'ifNoneMatch' });
      expect(await text('claims/one')).toBe('first');
      expect((await storage.get('data', 'claims/one'))?.contentType).toBe('text/plain');
    });

    it('replaces with ifMatch only the version whose ETag was read, bare or quoted', async () => {
      // Prepare
      await storage.put('data', 'cas/value', 'v1');
      const v1 = (await storage.head('data', 'cas/value'))?.etag ?? '';
      // Act
      await storage.put('data', 'cas/value', 'v2', { ifMatch: `"${v1}"` });
      const stale = await storage.put('data', 'cas/value', 'v3', { ifMatch: v1 }).catch((e: unknown) => e);
      const v2 = (await storage.get('data', 'cas/value'))?.etag ?? '';
      await storage.put('data', 'cas/value', 'v4', { ifMatch: v2 });
      // Assess
      expect(stale).toBeInstanceOf(PreconditionFailedError);
      expect(stale).toMatchObject({ condition: 'ifMatch', key: 'cas/value' });
      expect(v2).toBe(md5('v2'));
      expect(await text('cas/value')).toBe('v4');
    });

    it('refuses ifMatch where there is no object, and writes nothing', async () => {
      const error = await storage.put('data', 'cas/absent', 'x', { ifMatch: md5('x') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreconditionFailedError);
      expect(await storage.head('data', 'cas/absent')).toBeNull();
    });

    it('refuses a put that carries both conditions', async () => {
      const error = await storage.put('data', 'cas/both', 'x', { ifNoneMatch: '*', ifMatch: md5('x') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).not.toBeInstanceOf(PreconditionFailedError);
      expect(await storage.head('data', 'cas/both')).toBeNull();
    });

    it('lets exactly one of eight racing creates win, and keeps the winner\'s bytes', async () => {
      // Act
      const bodies = Array.from({ length: 8 }, (_, i) => `writer ${i}`);
      const results = await Promise.allSettled(bodies.map((b) => storage.put('public', 'race/claim', b, { ifNoneMatch: '*' })));
      // Assess
      const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [bodies[i]] : []));
      expect(winners).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(PreconditionFailedError);
      expect((await storage.get('public', 'race/claim'))?.body.toString()).toBe(winners[0]);
    });

    it('loses no update when four writers read-modify-write one counter at once', async () => {
      // Prepare
      await storage.put('data', 'race/counter', '0');
      const increment = async (): Promise<void> => {
        for (;;) {
          const current = await storage.get('data', 'race/counter');
          if (!current?.etag) throw new Error('counter missing');
          try {
            await storage.put('data', 'race/counter', String(Number(current.body.toString()) + 1), { ifMatch: current.etag });
            return;
          } catch (error) {
            if (!(error instanceof PreconditionFailedError)) throw error;
          }
        }
      };
      // Act: 4 writers × 5 increments each.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 5; i += 1) await increment();
        }),
      );
      // Assess: every increment counted (the lost races were retried, not dropped).
      expect(await text('race/counter')).toBe('20');
    });
  });
});

describe('conditional puts on one folder from two processes', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dualtrack-folder-race-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives each claim to exactly one process and loses no counter update', async () => {
    // Prepare: two processes held at a start line, then released together.
    const rounds = 30;
    await createFolderStorage(dir).put('data', 'race/counter', '0');
    const racer = join(import.meta.dirname, 'helpers', 'folder-racer.ts');
    const children = ['a', 'b'].map((name) => startTsChild(racer, [dir, name, String(rounds)]));
    await Promise.all(children.map((c) => c.ready()));
    // Act
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.done));
    // Assess
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const won = results.map((r) => (JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { won: number[] }).won);
    const storage = createFolderStorage(dir);
    expect([...(won[0] ?? []), ...(won[1] ?? [])].sort((x, y) => x - y)).toEqual(Array.from({ length: rounds }, (_, i) => i));
    for (let i = 0; i < rounds; i += 1) {
      const owner = (await storage.get('public', `race/claims/${i}`))?.body.toString();
      expect(owner).toBe(won[0]?.includes(i) ? 'a' : 'b');
    }
    expect((await storage.get('data', 'race/counter'))?.body.toString()).toBe(String(2 * rounds));
  });
});
