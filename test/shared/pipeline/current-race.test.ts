// Concurrent ingests for one ally over the real stores: on S3 (s3rver, whose conditional puts
// the local cloud makes atomic in its own process, as it runs its functions) and on a folder
// store written by two processes at once. Every submission stays in the ally's current figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentFromSubmissions, readAllCurrent, readStoredSubmissions, recordAccepted } from '../../../shared/pipeline/index.ts';
import { createFolderStorage, createS3Storage, dataKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';
import { makeStoredSubmission } from '../../helpers/stored-submissions.ts';
import { startTsChild } from '../../helpers/ts-child.ts';

const BUCKETS = { uploads: 'race-uploads', data: 'race-data', public: 'race-public' };

const archiveAndRecord = async (storage: Storage, i: number) => {
  const s = makeStoredSubmission({ ally: 'POL', submissionId: `s-${String(i).padStart(2, '0')}`, uploadedAt: `2026-03-01T10:00:${String(i).padStart(2, '0')}.000Z`, records: [{ year: 2010 + i }] });
  await storage.put('data', dataKeys.submission('POL', s.submissionId), JSON.stringify(s));
  return recordAccepted(storage, s);
};

describe('concurrent ingests for one ally on s3rver, as the local cloud runs them', () => {
  let s3: S3rverHandle;
  let storage: Storage;
  beforeAll(async () => {
    s3 = await startS3rver(Object.values(BUCKETS));
    storage = createS3Storage({ client: s3.client, buckets: BUCKETS, conditionalWrites: 'in-process' });
  });
  afterAll(() => s3.stop());

  it('keeps every one of twelve submissions added at once', async () => {
    // Act
    await Promise.all(Array.from({ length: 12 }, (_, i) => archiveAndRecord(storage, i)));
    // Assess
    const [pol] = await readAllCurrent(storage);
    expect(pol?.submissions.map((s) => s.submissionId)).toEqual(Array.from({ length: 12 }, (_, i) => `s-${String(i).padStart(2, '0')}`));
    expect(pol).toStrictEqual(currentFromSubmissions('POL', await readStoredSubmissions(storage)));
  });
});

describe('concurrent ingests for one ally on a folder store, from two processes', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'p-ingest-current-race-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps every submission of both processes', async () => {
    // Prepare: two processes held at a start line, then released together.
    const count = 15;
    const racer = join(import.meta.dirname, 'helpers', 'current-racer.ts');
    const children = ['a', 'b'].map((name) => startTsChild(racer, [dir, name, String(count)]));
    await Promise.all(children.map((c) => c.ready));
    // Act
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.done));
    // Assess
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const storage = createFolderStorage(dir);
    const [pol] = await readAllCurrent(storage);
    const ids = results.flatMap((r) => (JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { ids: string[] }).ids);
    expect(ids).toHaveLength(2 * count);
    expect(pol?.submissions.map((s) => s.submissionId).sort()).toEqual([...ids].sort());
    expect(pol).toStrictEqual(currentFromSubmissions('POL', await readStoredSubmissions(storage)));
  });
});
