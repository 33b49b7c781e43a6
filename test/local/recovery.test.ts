// Which uploads a start delivers again: those with no receipt, unless already in flight or
// parked; the event is rebuilt from the stored object, so its submission id is the one a live
// delivery would have given it.
import { describe, expect, it } from 'vitest';
import { decodeS3Key } from '../../functions/common/index.ts';
import { DeadLetterSource } from '../../local/dead-letters.ts';
import { unreceiptedUploads } from '../../local/recovery.ts';
import { toAwsS3Event } from '../../local/s3-event.ts';
import type { ObjectStamp } from '../../local/s3-server.ts';
import { submissionIdFor } from '../../shared/ingest/index.ts';
import { BucketRole, createMemoryStorage, dataKeys } from '../../shared/storage/index.ts';

const BUCKET = 'up';
const STAMPS: Record<string, ObjectStamp> = {
  'submissions/EST/done.xlsx': { etag: 'e1', modified: new Date('2026-03-02T09:00:00.123Z') },
  'submissions/EST/new one.xlsx': { etag: 'e2', modified: new Date('2026-03-02T09:01:00.456Z') },
  'submissions/LVA/parked.xlsx': { etag: 'e3', modified: new Date('2026-03-02T09:02:00.000Z') },
  'submissions/LVA/in flight.csv': { etag: 'e4', modified: new Date('2026-03-02T09:03:00.000Z') },
  'submissions/odd.xlsx': { etag: 'e5', modified: new Date('2026-03-02T09:04:00.000Z') },
  'submissions/EST/': { etag: 'e6', modified: new Date('2026-03-02T09:05:00.000Z') },
};

const store = async () => {
  const storage = createMemoryStorage();
  for (const key of Object.keys(STAMPS)) await storage.put(BucketRole.uploads, key, Buffer.from('bytes'));
  const done = STAMPS['submissions/EST/done.xlsx'];
  const id = submissionIdFor({ key: 'submissions/EST/done.xlsx', versionId: null, etag: done?.etag ?? '', uploadedAt: done?.modified.toISOString() ?? '' });
  await storage.put(BucketRole.data, dataKeys.receipt('EST', id), '{}');
  return storage;
};

describe('uploads a start delivers again', () => {
  it('finds every upload without a receipt, skipping the parked, the in-flight and folder placeholders', async () => {
    // Prepare
    const storage = await store();
    const parked = toAwsS3Event({ eventName: 'ObjectCreated:Put', eventTime: 't', s3: { bucket: { name: BUCKET }, object: { key: 'submissions/LVA/parked.xlsx', eTag: 'e3' } } });
    // Act
    const events = await unreceiptedUploads({
      storage,
      uploadsBucket: BUCKET,
      stamp: (_bucket, key) => STAMPS[key] ?? null,
      deadLetters: [{ at: '2026-03-02T10:00:00.000Z', source: DeadLetterSource.ingest, attempts: 3, error: 'x', payload: parked }],
      inFlight: (key, etag) => key === 'submissions/LVA/in flight.csv' && etag === 'e4',
    });
    // Assess: a key ingest cannot file is delivered too (ingest answers it); the time and ETag are the stored object's.
    expect(events.map((e) => decodeS3Key(e.Records[0]?.s3.object.key ?? ''))).toEqual(['submissions/EST/new one.xlsx', 'submissions/odd.xlsx']);
    expect(events[0]?.Records[0]).toMatchObject({ eventTime: '2026-03-02T09:01:00.456Z', eventName: 'ObjectCreated:Put', s3: { bucket: { name: BUCKET }, object: { key: 'submissions/EST/new+one.xlsx', eTag: 'e2' } } });
  });

  it('delivers an upload again when its ETag changed since its receipt (a new object under the old name)', async () => {
    // Prepare
    const storage = await store();
    // Act
    const events = await unreceiptedUploads({
      storage,
      uploadsBucket: BUCKET,
      stamp: (_bucket, key) => (key === 'submissions/EST/done.xlsx' ? { etag: 'changed', modified: new Date('2026-03-03T00:00:00.000Z') } : null),
      deadLetters: [],
      inFlight: () => false,
    });
    // Assess
    expect(events.map((e) => e.Records[0]?.s3.object.eTag)).toEqual(['changed']);
  });
});
