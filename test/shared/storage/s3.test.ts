// What only the S3 adapter shows: headers reach S3 as given, and faults other than "no such
// object" surface as StorageError with the SDK error as cause.
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage, StorageError } from '../../../shared/storage/index.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';

describe('the S3 storage', () => {
  let s3: S3rverHandle;
  beforeAll(async () => {
    s3 = await startS3rver(['s-uploads', 's-data', 's-public']);
  });
  afterAll(() => s3.stop());

  it('sends content type, cache control and content disposition with the object', async () => {
    // Prepare
    const storage = createS3Storage({ client: s3.client, buckets: { uploads: 's-uploads', data: 's-data', public: 's-public' } });
    // Act
    await storage.put('public', 'releases/1/book.xlsx', Buffer.from('PK'), {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      cacheControl: 'public, max-age=31536000, immutable',
      contentDisposition: 'attachment; filename="dualtrack-release-1.xlsx"',
    });
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: 's-public', Key: 'releases/1/book.xlsx' }));
    // Assess
    expect(head.ContentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
    expect(head.ContentDisposition).toBe('attachment; filename="dualtrack-release-1.xlsx"');
  });

  it('wraps a missing bucket in a StorageError that keeps the SDK error as cause', async () => {
    // Prepare
    const storage = createS3Storage({ client: s3.client, buckets: { uploads: 'no-such-bucket', data: 's-data', public: 's-public' } });
    // Act
    const error = await storage.get('uploads', 'submissions/POL/a.xlsx').catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ operation: 'get', bucket: 'uploads', key: 'submissions/POL/a.xlsx' });
    expect((error as StorageError).cause).toMatchObject({ name: 'NoSuchBucket' });
  });
});
