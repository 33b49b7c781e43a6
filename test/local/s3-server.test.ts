// The local S3 refuses keys its files cannot hold, with the S3 error a client understands, and
// carries on serving: nothing is written outside the bucket's folder or into another bucket.
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchStatus } from '../../cli/clients/index.ts';
import { startLocalCloud } from '../../local/runtime.ts';
import type { LocalCloud } from '../../local/runtime.ts';
import { BucketRole } from '../../shared/storage/index.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-keys-', 'all');

/** Every file under `dir`, relative to it. */
const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));

/**
 * A PUT sent as raw HTTP with the path exactly as given (a URL string would have its dot
 * segments resolved by the client), unsigned: s3rver accepts that.
 */
const rawPut = (endpoint: string, path: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(endpoint);
    const req = request({ hostname, port, path, method: 'PUT', headers: { 'content-length': 2 } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('hi');
  });

describe('keys the local S3 cannot hold', () => {
  let cloud: LocalCloud;
  let dir: string;

  beforeAll(async () => {
    dir = temp.make();
    cloud = await startLocalCloud({ dir, port: 0 });
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it.each([
    ['.. out of the bucket', 'submissions/EST/../../../escaped.xlsx', 'InvalidArgument'],
    ['.. into the public bucket', '../dualtrack-public/index.html', 'InvalidArgument'],
    ['a newline', 'submissions/EST/two\nlines.xlsx', 'InvalidArgument'],
    ['a 300-character file name', `submissions/EST/${'n'.repeat(295)}.xlsx`, 'KeyTooLongError'],
  ])('answers a key with %s with a 400 S3 error and writes nothing', async (_what, key, code) => {
    // Prepare
    const before = await filesUnder(dir);
    // Act
    const error: unknown = await cloud.client.send(new PutObjectCommand({ Bucket: cloud.buckets.uploads, Key: key, Body: Buffer.from('figures') })).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(S3ServiceException);
    expect((error as S3ServiceException).name).toBe(code);
    expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(400);
    expect((await filesUnder(dir)).filter((f) => !before.includes(f) && !f.endsWith('functions.log'))).toEqual([]);
    await expect(fetchStatus(cloud.endpoint)).resolves.toMatchObject({ pendingUploads: 0 });
  });

  it('refuses percent-encoded dots, a bucket named .. and an upload id that is a path, in raw requests', async () => {
    // Prepare
    const before = await filesUnder(dir);
    // Act
    const encoded = await rawPut(cloud.endpoint, `/${cloud.buckets.uploads}/%2E%2E/${cloud.buckets.public}/index.html`);
    const bucket = await rawPut(cloud.endpoint, '/%2E%2E/escaped.txt');
    const part = await rawPut(cloud.endpoint, `/${cloud.buckets.uploads}/submissions/EST/x.xlsx?partNumber=1&uploadId=..%2F..%2F..%2F..%2Fescaped`);
    // Assess
    expect(encoded.status).toBe(400);
    expect(encoded.body).toMatch(/<Code>InvalidArgument<\/Code>/);
    expect(part.status).toBe(404);
    expect(part.body).toMatch(/<Code>NoSuchUpload<\/Code>/);
    expect(bucket.status).toBeGreaterThanOrEqual(400);
    expect(bucket.status).toBeLessThan(500);
    expect((await filesUnder(dir)).filter((f) => !before.includes(f) && !f.endsWith('functions.log'))).toEqual([]);
    expect(await cloud.storage.get(BucketRole.public, 'index.html')).toBeNull();
  });

  it('still takes and lists ordinary keys afterwards', async () => {
    // Act
    await cloud.client.send(new PutObjectCommand({ Bucket: cloud.buckets.data, Key: 'notes/a..b dots.txt', Body: Buffer.from('ok') }));
    // Assess
    expect((await cloud.storage.list(BucketRole.data, 'notes/')).map((o) => o.key)).toEqual(['notes/a..b dots.txt']);
  });
});
