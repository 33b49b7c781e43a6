// The flows over S3 (s3rver on loopback): what the Lambda handlers will do in the cloud.
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { processUpload, publish } from '../../../shared/pipeline/index.ts';
import { CACHE_CONTROL, ReleaseManifest } from '../../../shared/report/index.ts';
import { createS3Storage, publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { publishInput } from '../../helpers/publish-fixtures.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';
import { submissionWorkbook } from '../../helpers/submission-workbooks.ts';

const BUCKETS = { uploads: 'p-uploads', data: 'p-data', public: 'p-public' };

describe('the pipeline over S3', () => {
  let s3: S3rverHandle;
  let storage: Storage;
  beforeAll(async () => {
    s3 = await startS3rver(Object.values(BUCKETS));
    storage = createS3Storage({ client: s3.client, buckets: BUCKETS });
  });
  afterAll(() => s3.stop());

  const head = (key: string) => s3.client.send(new HeadObjectCommand({ Bucket: BUCKETS.public, Key: key }));

  it('ingests two uploads, publishes release 1 with its headers, and publishes nothing when asked again', async () => {
    // Prepare
    const uploads = [
      { key: 'submissions/POL/poland 2025.xlsx', bytes: await submissionWorkbook('Poland', 'PLN', [{ year: 2025, status: 'estimate', gdp: 3_800_000, core: 170_000, security: 25_000 }]) },
      { key: 'submissions/EST/estonia.xlsx', bytes: await submissionWorkbook('Estonia', 'EUR', [{ year: 2025, status: 'estimate', gdp: 40_000, core: 1_300, security: 200 }]) },
    ];
    for (const u of uploads) await storage.put('uploads', u.key, u.bytes);

    // Act
    const receipts = [];
    for (const u of uploads) {
      const info = await storage.head('uploads', u.key);
      receipts.push(await processUpload({ storage, key: u.key, etag: info?.etag ?? null, uploadedAt: '2026-03-01T10:00:00Z', rules: HAGUE_2025, now: new Date() }));
    }
    const first = await publish(publishInput(storage));
    const second = await publish(publishInput(storage, { now: new Date('2026-12-01T00:00:00Z') }));

    // Assess
    expect(receipts.map((r) => [r.receipt?.ally, r.receipt?.status])).toEqual([
      ['POL', 'accepted'],
      ['EST', 'accepted'],
    ]);
    expect((await storage.list('data', 'submissions/')).map((o) => o.key.split('/')[1])).toEqual(['EST', 'POL']);
    expect(first).toMatchObject({ published: true, release: 1, reportingYear: 2025 });
    expect(second).toMatchObject({ published: false, release: 1 });
    const workbook = await head(publicKeys.releaseFile(1, ReleaseManifest.workbook.path));
    expect([workbook.CacheControl, workbook.ContentType, workbook.ContentDisposition]).toEqual([
      CACHE_CONTROL.immutable,
      ReleaseManifest.workbook.contentType,
      'attachment; filename="dualtrack-release-1.xlsx"',
    ]);
    expect((await head(publicKeys.latestFile(ReleaseManifest.dataset.path))).CacheControl).toBe(CACHE_CONTROL.short);
    expect((await head(publicKeys.indexHtml)).ContentType).toBe(ReleaseManifest.page.contentType);
    expect((await storage.list('public', 'releases/')).filter((o) => o.key.startsWith(publicKeys.releasePrefix(2)))).toEqual([]);
  });
});
