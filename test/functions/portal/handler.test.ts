// The portal Lambda as API Gateway calls it: an HTTP API v2 event whose claims the JWT authorizer
// passed as strings, the real S3 presigner against s3rver on loopback, and a browser-shaped
// multipart POST of the signed form that lands the file under the caller's ally only.
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoMfaCheck, createPortalHandler, createS3Presigner } from '../../../functions/portal/index.ts';
import type { HttpApiResult } from '../../../functions/portal/index.ts';
import type { PortalDeps } from '../../../shared/portal/index.ts';
import { createMemoryStorage } from '../../../shared/storage/index.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';
import { recordingLogger } from '../recording-logger.ts';

const BUCKET = 'dt-uploads';
const ESTONIAN = { sub: 'sub-est', email: 'officer@mod.example', token_use: 'id', 'cognito:groups': '[ally-EST]', exp: '1893456000' };

/** An HTTP API (payload 2.0) event as API Gateway sends it after the JWT authorizer. */
const httpEvent = (method: string, path: string, claims: Record<string, string>, options: { body?: unknown; query?: Record<string, string> } = {}) => ({
  version: '2.0',
  routeKey: `${method} ${path}`,
  rawPath: path,
  rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
  ...(options.query ? { queryStringParameters: options.query } : {}),
  headers: { authorization: 'Bearer x' },
  requestContext: { http: { method, path }, authorizer: { jwt: { claims, scopes: null } } },
  ...(options.body === undefined ? {} : { body: Buffer.from(JSON.stringify(options.body)).toString('base64'), isBase64Encoded: true }),
  isBase64Encoded: options.body !== undefined,
});

let s3: S3rverHandle;
beforeAll(async () => {
  s3 = await startS3rver([BUCKET]);
});
afterAll(async () => {
  await s3.stop();
});

const handlerWith = (overrides: Partial<PortalDeps> = {}) => {
  const { logger, entries } = recordingLogger();
  const handler = createPortalHandler({
    receipts: createMemoryStorage(),
    ...createS3Presigner(s3.client, BUCKET),
    template: async (ally, lang) => ({ bytes: Buffer.from(`PK ${ally} ${lang}`), fileName: `t-${ally}-${lang}.xlsx` }),
    analystHasMfa: async () => true,
    maxBytes: 10 * 1024 * 1024,
    now: () => new Date(),
    newId: () => 'a1b2c3d4e5f6a7b8c9d0',
    logger,
    ...overrides,
  });
  return { handler, entries };
};

const jsonOf = (result: HttpApiResult) => JSON.parse(result.body) as Record<string, unknown>;

describe('the portal function', () => {
  it('signs a POST that S3 takes for exactly the signed key, size, type and uploader, under the token ally', async () => {
    // Prepare
    const { handler } = handlerWith();
    const file = Buffer.from('year,gdp\n2025,1\n');

    // Act: the body names Poland; the token says Estonia
    const result = await handler(httpEvent('POST', '/uploads', ESTONIAN, { body: { fileName: 'budget.csv', size: file.length, ally: 'POL' } }));
    const { key, upload } = jsonOf(result) as { key: string; upload: { url: string; fields: Record<string, string> } };
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', new Blob([file], { type: 'text/csv' }), 'budget.csv');
    const posted = await fetch(upload.url, { method: 'POST', body: form });

    // Assess: the answer, the signed policy, and the object S3 stored
    expect([result.statusCode, result.headers['content-type']]).toEqual([201, 'application/json; charset=utf-8']);
    expect(key).toMatch(/^submissions\/EST\/\d{8}T\d{9}Z-a1b2c3d4e5f6a7b8c9d0-budget\.csv$/);
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', file.length, file.length],
        { key },
        { bucket: BUCKET },
        { 'Content-Type': 'text/csv' },
        { 'x-amz-meta-uploader': 'officer@mod.example' },
        { 'x-amz-meta-uploader-sub': 'sub-est' },
      ]),
    );
    expect(posted.status).toBeLessThan(300);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect([head.ContentLength, head.ContentType, head.Metadata]).toEqual([file.length, 'text/csv', { uploader: 'officer@mod.example', 'uploader-sub': 'sub-est' }]);
  });

  it('answers a refusal as JSON with its status, and logs its code', async () => {
    const { handler, entries } = handlerWith();
    const result = await handler(httpEvent('GET', '/receipts', ESTONIAN, { query: { ally: 'POL' } }));
    expect([result.statusCode, jsonOf(result)]).toEqual([403, { error: { code: 'other-ally', message: expect.stringContaining('EST') } }]);
    expect(entries.map((e) => [e.level, e.message, e.extra])).toEqual([['info', 'portal request', [{ method: 'GET', path: '/receipts', status: 403, refused: 'other-ally' }]]]);
  });

  it('sends the template as base64 bytes to save', async () => {
    const { handler } = handlerWith();
    const result = await handler(httpEvent('GET', '/template', ESTONIAN, { query: { lang: 'fr' } }));
    expect([result.statusCode, result.isBase64Encoded, Buffer.from(result.body, 'base64').toString()]).toEqual([200, true, 'PK EST fr']);
    expect(result.headers['content-disposition']).toBe('attachment; filename="t-EST-fr.xlsx"');
  });

  it('answers 500 without detail when a dependency fails, and logs the error', async () => {
    const { handler, entries } = handlerWith({ template: async () => Promise.reject(new Error('exceljs exploded')) });
    const result = await handler(httpEvent('GET', '/template', ESTONIAN));
    expect([result.statusCode, jsonOf(result)]).toEqual([500, { error: { code: 'internal', message: 'The portal could not answer; try again in a minute.' } }]);
    expect(result.body).not.toContain('exceljs');
    expect(entries.at(-1)?.level).toBe('error');
  });

  it('refuses an event without the authorizer claims as a bad token', async () => {
    const { handler } = handlerWith();
    const event = { ...httpEvent('GET', '/receipts', ESTONIAN), requestContext: { http: { method: 'GET' } } };
    expect((await handler(event)).statusCode).toBe(401);
  });
});

describe('cognitoMfaCheck', () => {
  it('asks the pool for the analyst by sub, and says yes only with an MFA setting', async () => {
    const asked: unknown[] = [];
    const reader = (list: string[] | undefined) => ({
      send: async (command: { input: unknown }) => {
        asked.push(command.input);
        return { UserMFASettingList: list };
      },
    });
    const analyst = { kind: 'analyst' as const, email: 'a@hq.example', sub: 'sub-a' };
    expect(await cognitoMfaCheck(reader(['SOFTWARE_TOKEN_MFA']), 'eu-west-1_abc')(analyst)).toBe(true);
    expect(await cognitoMfaCheck(reader(undefined), 'eu-west-1_abc')(analyst)).toBe(false);
    expect(asked[0]).toEqual({ UserPoolId: 'eu-west-1_abc', Username: 'sub-a' });
  });
});
