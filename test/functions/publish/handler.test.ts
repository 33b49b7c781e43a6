import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/common/index.ts';
import type { PublishRequest, PublishReport } from '../../../functions/common/index.ts';
import { createPublishHandler } from '../../../functions/publish/handler.ts';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { ReleaseManifest } from '../../../shared/report/index.ts';
import { publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { sqsEvent } from '../../helpers/events.ts';
import { smallReference, storeSubmission } from '../../helpers/publish-fixtures.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';
import { recordingLogger } from '../recording-logger.ts';
import { freshPublishBuckets, releasesOf } from '../s3-world.ts';

const NOW = new Date('2026-03-02T09:20:00.000Z');

const request = (ally: string, submissionId: string): PublishRequest => ({
  reason: 'upload',
  ally,
  submissionId,
  key: `submissions/${ally}/${submissionId}.xlsx`,
});

const withEstonia = async (storage: Storage) => {
  await storeSubmission(storage, {
    ally: 'EST',
    submissionId: 'est-1',
    uploadedAt: '2026-03-02T09:15:00.000Z',
    records: [{ year: 2025, status: 'estimate', gdp: 40_000, core: 1_300, security: 200 }],
  });
  return storage;
};

describe('the publish handler', () => {
  let s3: S3rverHandle;
  beforeAll(async () => {
    s3 = await startS3rver([]);
  });
  afterAll(() => s3.stop());

  const handlerFor = (storage: Storage, overrides: Partial<Parameters<typeof createPublishHandler>[0]> = {}) =>
    createPublishHandler({ storage, rules: HAGUE_2025, reference: smallReference(), logger: recordingLogger().logger, now: () => NOW, ...overrides });

  it('publishes once for a good message and reports the malformed one as a batch item failure', async () => {
    // Prepare
    const storage = await withEstonia(await freshPublishBuckets(s3));
    const event = sqsEvent([
      { id: 'good-1', body: request('EST', 'est-1') },
      { id: 'bad-1', body: '{"reason":"upload","ally":"Estonia"' },
    ]);
    // Act
    const response = await handlerFor(storage)(event);
    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad-1' }] });
    expect(await releasesOf(storage)).toEqual([{ number: 1, trigger: 'upload', reason: 'upload: EST (1 submission)', reportingYear: 2025 }]);
    expect(await storage.head('public', publicKeys.latestFile(ReleaseManifest.dataset.path))).not.toBeNull();
    expect(await storage.head('public', publicKeys.releaseFile(1, ReleaseManifest.dataset.path))).not.toBeNull();
  });

  it('collapses a batch of requests into a single release', async () => {
    // Prepare
    const storage = await withEstonia(await freshPublishBuckets(s3));
    await storeSubmission(storage, {
      ally: 'POL',
      submissionId: 'pol-1',
      uploadedAt: '2026-03-02T09:16:00.000Z',
      records: [{ year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core: 170_000, security: 25_000 }],
    });
    const event = sqsEvent([
      { id: 'm1', body: request('EST', 'est-1') },
      { id: 'm2', body: request('POL', 'pol-1') },
      { id: 'm3', body: request('EST', 'est-1') },
    ]);
    // Act
    const response = await handlerFor(storage)(event);
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect((await releasesOf(storage)).map((r) => [r.number, r.reason])).toEqual([[1, 'upload: EST, POL (2 submissions)']]);
  });

  it('publishes nothing new when a redelivered batch finds the same data', async () => {
    // Prepare
    const storage = await withEstonia(await freshPublishBuckets(s3));
    const handler = handlerFor(storage);
    await handler(sqsEvent([{ id: 'first', body: request('EST', 'est-1') }]));
    // Act
    const response = await handler(sqsEvent([{ id: 'again', body: request('EST', 'est-1') }]));
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect((await releasesOf(storage)).map((r) => r.number)).toEqual([1]);
  });

  it('reports every message of the batch failed when the publish itself fails', async () => {
    // Prepare
    const storage = await withEstonia(await freshPublishBuckets(s3));
    const handler = handlerFor(storage, { publish: () => Promise.reject(new Error('S3 unavailable')) });
    const event = sqsEvent([
      { id: 'a', body: request('EST', 'est-1') },
      { id: 'b', body: 'not json' },
      { id: 'c', body: request('EST', 'est-2') },
    ]);
    // Act
    const response = await handler(event);
    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['a', 'b', 'c']);
    expect(await releasesOf(storage)).toEqual([]);
  });

  it('tells its observer of the release with its reason, and of a failed publish', async () => {
    // Prepare
    const storage = await withEstonia(await freshPublishBuckets(s3));
    const published: PublishReport[] = [];
    const failures: unknown[] = [];
    const observer = { published: (r: PublishReport) => void published.push(r), publishFailed: (e: unknown) => void failures.push(e) };
    const failing = handlerFor(storage, { observer, publish: () => Promise.reject(new Error('S3 unavailable')) });
    // Act
    await handlerFor(storage, { observer })(sqsEvent([{ id: 'a', body: request('EST', 'est-1') }]));
    await failing(sqsEvent([{ id: 'b', body: request('EST', 'est-1') }]));
    // Assess
    expect(published.map((r) => [r.trigger, r.reason, r.outcome.published, r.outcome.release])).toEqual([['upload', 'upload: EST (1 submission)', true, 1]]);
    expect(failures.map((e) => (e instanceof Error ? e.message : e))).toEqual(['S3 unavailable']);
  });

  it('publishes nothing when every message is malformed', async () => {
    // Prepare
    const storage = await withEstonia(await freshPublishBuckets(s3));
    const event = sqsEvent([
      { id: 'x', body: { reason: 'schedule', ally: 'EST', submissionId: 'est-1', key: 'k' } },
      { id: 'y', body: { reason: 'upload', ally: 'est', submissionId: 'est-1', key: 'k' } },
    ]);
    // Act
    const response = await handlerFor(storage)(event);
    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['x', 'y']);
    expect(await releasesOf(storage)).toEqual([]);
  });

  it('refuses an event that is not an SQS batch', async () => {
    const storage = await freshPublishBuckets(s3);
    await expect(handlerFor(storage)({ Records: [{ eventSource: 'aws:s3' }] })).rejects.toBeInstanceOf(InvalidEventError);
  });
});
