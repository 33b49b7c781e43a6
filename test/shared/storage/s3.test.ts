// What only the S3 adapter shows: headers reach S3 as given, and faults other than "no such
// object" surface as StorageError with the SDK error as cause. A conditional put sends S3's
// own headers and turns S3's refusals into PreconditionFailedError: s3rver ignores those
// headers, so a loopback HTTP server answers here as S3 does (status and XML error body).
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage, PreconditionFailedError, StorageError } from '../../../shared/storage/index.ts';
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

interface S3Answer {
  status: number;
  code?: string;
}

describe('conditional puts against S3', () => {
  let server: Server;
  let client: S3Client;
  const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  let answer: S3Answer = { status: 200 };
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: (req.url ?? '').split('?')[0] ?? '', headers: req.headers });
      req.resume();
      req.on('end', () => {
        if (answer.status === 200) {
          res.writeHead(200, { ETag: '"0cc175b9c0f1b6a831c399e269772661"' }).end();
          return;
        }
        res
          .writeHead(answer.status, { 'Content-Type': 'application/xml' })
          .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${answer.code}</Code><Message>refused</Message><RequestId>r</RequestId></Error>`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  const storage = () => createS3Storage({ client, buckets: { uploads: 'u', data: 'd', public: 'p' } });

  it('sends If-None-Match: * for a create-only put and If-Match with the quoted ETag for a replace', async () => {
    // Prepare
    answer = { status: 200 };
    seen.length = 0;
    // Act
    await storage().put('public', 'releases/1/.claim', 'a', { ifNoneMatch: '*' });
    await storage().put('public', 'releases/index.json', 'a', { ifMatch: '0cc175b9c0f1b6a831c399e269772661' });
    await storage().put('public', 'plain.txt', 'a');
    // Assess
    expect(seen.map((r) => [r.method, r.url])).toEqual([
      ['PUT', '/p/releases/1/.claim'],
      ['PUT', '/p/releases/index.json'],
      ['PUT', '/p/plain.txt'],
    ]);
    expect(seen[0]?.headers['if-none-match']).toBe('*');
    expect(seen[0]?.headers['if-match']).toBeUndefined();
    expect(seen[1]?.headers['if-match']).toBe('"0cc175b9c0f1b6a831c399e269772661"');
    expect(seen[2]?.headers['if-none-match']).toBeUndefined();
    expect(seen[2]?.headers['if-match']).toBeUndefined();
  });

  it.each([
    [{ status: 412, code: 'PreconditionFailed' }, { ifNoneMatch: '*' as const }, 'ifNoneMatch'],
    [{ status: 412, code: 'PreconditionFailed' }, { ifMatch: 'abc' }, 'ifMatch'],
    [{ status: 409, code: 'ConditionalRequestConflict' }, { ifMatch: 'abc' }, 'ifMatch'],
    [{ status: 409, code: 'ConditionalRequestConflict' }, { ifNoneMatch: '*' as const }, 'ifNoneMatch'],
    [{ status: 404, code: 'NoSuchKey' }, { ifMatch: 'abc' }, 'ifMatch'],
  ])('turns S3 answering %j to %j into PreconditionFailedError', async (refusal, condition, name) => {
    answer = refusal;
    const error = await storage().put('data', 'k.json', '{}', condition).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({ bucket: 'data', key: 'k.json', condition: name });
    expect((error as Error).cause).toMatchObject({ name: refusal.code });
  });

  it('keeps other refusals of a conditional put as plain StorageErrors', async () => {
    answer = { status: 403, code: 'AccessDenied' };
    const error = await storage().put('data', 'k.json', '{}', { ifNoneMatch: '*' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).not.toBeInstanceOf(PreconditionFailedError);
  });
});
