// Browser uploads to the local uploads bucket: s3rver 3.7.1 stores any multipart POST without
// looking at its policy, so the local cloud checks it as S3 does. A presigned POST stores the
// file with its type and uploader metadata (and ingest receipts it); a form that strays from
// what was signed (another key, another size, an expired or re-signed policy, an extra field)
// is refused with S3's error and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presignLocalPost } from '../../local/post-policy.ts';
import type { LocalCloud } from '../../local/index.ts';
import { startTestCloud } from '../e2e/helpers/cloud.ts';
import type { TestCloud } from '../e2e/helpers/cloud.ts';

const KEY = 'submissions/EST/20261201T090000000Z-abcdefghij0123456789-budget.csv';
const BODY = Buffer.from('Country;Estonia\nYear;GDP\n2024;40000\n', 'utf8');

describe('a browser upload (POST object) to the local uploads bucket', () => {
  let test: TestCloud;
  let cloud: LocalCloud;
  beforeAll(async () => {
    test = await startTestCloud();
    cloud = test.cloud;
  });
  afterAll(async () => {
    await test?.stop();
  });

  const grant = (overrides: { key?: string; size?: number; now?: Date; secret?: string; expires?: number } = {}) =>
    presignLocalPost({
      url: `${cloud.endpoint}/${cloud.buckets.uploads}`,
      bucket: cloud.buckets.uploads,
      key: overrides.key ?? KEY,
      size: overrides.size ?? BODY.length,
      contentType: 'text/csv',
      metadata: { uploader: 'officer@mod.ee', 'uploader-sub': 'sub-1' },
      expiresInSeconds: overrides.expires ?? 900,
      accessKeyId: 'S3RVER',
      secretAccessKey: overrides.secret ?? 'S3RVER',
      region: 'us-east-1',
      now: overrides.now ?? new Date(),
    });

  const post = async (fields: Record<string, string>, body: Buffer = BODY): Promise<{ status: number; text: string }> => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([body]), 'budget.csv');
    const res = await fetch(`${cloud.endpoint}/${cloud.buckets.uploads}`, { method: 'POST', body: form });
    return { status: res.status, text: await res.text() };
  };

  it('stores what was signed, with its content type and uploader metadata', async () => {
    // Prepare
    const { fields } = grant();
    // Act
    const answer = await post(fields);
    // Assess
    expect(answer.status).toBe(204);
    const stored = await cloud.storage.get('uploads', KEY);
    expect(stored?.body.equals(BODY)).toBe(true);
    expect(stored?.contentType).toBe('text/csv');
    expect(stored?.metadata).toMatchObject({ uploader: 'officer@mod.ee', 'uploader-sub': 'sub-1' });
  });

  it.each([
    ['another key', (f: Record<string, string>) => ({ ...f, key: 'submissions/POL/budget.csv' }), BODY, 403, /AccessDenied.*"\$key"/s],
    ['a bigger file', (f: Record<string, string>) => f, Buffer.concat([BODY, Buffer.from('x')]), 400, /EntityTooLarge/],
    ['a smaller file', (f: Record<string, string>) => f, BODY.subarray(1), 400, /EntityTooSmall/],
    ['an extra field', (f: Record<string, string>) => ({ ...f, 'x-amz-meta-ally': 'POL' }), BODY, 403, /Extra input fields: x-amz-meta-ally/],
    ['another uploader', (f: Record<string, string>) => ({ ...f, 'x-amz-meta-uploader': 'someone@else.pl' }), BODY, 403, /AccessDenied/],
    ['no signature', (f: Record<string, string>) => ({ ...f, 'X-Amz-Signature': '' }), BODY, 403, /AccessDenied/],
  ])('refuses %s and stores nothing', async (_what, change, body, status, error) => {
    // Prepare
    const key = `submissions/EST/refused-${status}-${body.length}-${Math.random().toString(36).slice(2)}.csv`;
    const { fields } = grant({ key, size: BODY.length });
    // Act
    const answer = await post(change({ ...fields }), body);
    // Assess
    expect(answer.status).toBe(status);
    expect(answer.text).toMatch(error);
    expect(await cloud.storage.head('uploads', key)).toBeNull();
  });

  it('refuses an expired policy and one signed with other credentials', async () => {
    // Prepare
    const expired = grant({ key: 'submissions/EST/late.csv', now: new Date(Date.now() - 3_600_000) });
    const forged = grant({ key: 'submissions/EST/forged.csv', secret: 'guessed' });
    // Act
    const late = await post(expired.fields);
    const wrong = await post(forged.fields);
    // Assess
    expect(late).toMatchObject({ status: 403, text: expect.stringMatching(/Policy expired/) });
    expect(wrong).toMatchObject({ status: 403, text: expect.stringMatching(/SignatureDoesNotMatch/) });
    expect(await cloud.storage.head('uploads', 'submissions/EST/late.csv')).toBeNull();
    expect(await cloud.storage.head('uploads', 'submissions/EST/forged.csv')).toBeNull();
  });
});
