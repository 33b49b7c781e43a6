// The local cloud's lifecycle, control routes, and the events it tells its observer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { fetchStatus } from '../../cli/clients/index.ts';
import type { LocalCloudEvent } from '../../local/events.ts';
import { SAMPLES_DIR } from '../../local/project.ts';
import { startLocalCloud } from '../../local/runtime.ts';
import { LOCAL_BUCKETS } from '../../local/settings.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-rt-');

describe('the local cloud', () => {
  it('tells clients its buckets and queue state on the status route', async () => {
    // Prepare
    const dir = temp.make();
    const cloud = await startLocalCloud({ dir, port: 0 });
    try {
      // Act
      const status = await fetchStatus(cloud.endpoint);
      // Assess
      expect(status).toEqual({
        service: 'dualtrack-local',
        endpoint: cloud.endpoint,
        buckets: LOCAL_BUCKETS,
        publicBaseUrl: `${cloud.endpoint}/${LOCAL_BUCKETS.public}/`,
        pendingPublishes: 0,
        pendingUploads: 0,
        deadLetters: 0,
      });
    } finally {
      await cloud.stop();
    }
  });

  it('stops once even when asked twice, and then answers no more', async () => {
    // Prepare
    const dir = temp.make();
    const cloud = await startLocalCloud({ dir, port: 0 });
    // Act
    const both = await Promise.allSettled([cloud.stop(), cloud.stop()]);
    // Assess
    expect(both.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    await expect(fetchStatus(cloud.endpoint)).rejects.toThrow(`No dualtrack local cloud at ${cloud.endpoint}`);
  });

  it('tells its observer of an upload, its receipt, its notification and the release, as the handlers report them', async () => {
    // Prepare
    const dir = temp.make();
    const events: LocalCloudEvent[] = [];
    const cloud = await startLocalCloud({ dir, port: 0, delivery: { batchWindowMs: 50 }, observe: (e) => events.push(e) });
    try {
      const key = 'submissions/NOR/NOR-norway.csv';
      // Act
      await cloud.client.send(new PutObjectCommand({ Bucket: cloud.buckets.uploads, Key: key, Body: await readFile(join(SAMPLES_DIR, 'NOR-norway.csv')) }));
      await cloud.idle();
      // Assess
      expect(events.map((e) => e.kind)).toEqual(['upload-received', 'receipt-written', 'receipt-notified', 'published']);
      const [received, receipt, notified, published] = events;
      expect(received).toMatchObject({ key });
      expect(receipt).toMatchObject({ key, duplicate: false, receipt: { ally: 'NOR', source: { key } } });
      const status = receipt?.kind === 'receipt-written' ? receipt.receipt.status : null;
      expect(notified).toMatchObject({ ally: 'NOR', status, file: expect.stringMatching(new RegExp(`^${cloud.outboxDir}/\\d{8}T\\d{9}Z-[0-9a-f]{12}\\.json$`)) });
      expect(published).toMatchObject({ outcome: { published: true, release: 1 }, reason: 'upload: NOR (1 submission)', alliesWithFigures: 1, page: cloud.urls.page });
    } finally {
      await cloud.stop();
    }
  });
});
