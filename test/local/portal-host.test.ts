// The portal on the local cloud's port, over plain HTTP as the page's browser speaks it: the
// identity provider's form and token endpoints (code flow with PKCE), the page's config.json,
// and the API behind the token check, for a submitter and for an analyst.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmitPageConfigSchema } from '../../shared/submit-page/index.ts';
import { startTestCloud } from '../e2e/helpers/cloud.ts';
import type { TestCloud } from '../e2e/helpers/cloud.ts';

const CLIENT_ID = 'dualtrack-local-portal';

describe("the portal on the local cloud's port", () => {
  let test: TestCloud;
  const passwords = new Map<string, string>();
  beforeAll(async () => {
    test = await startTestCloud();
    for (const [email, ally] of [
      ['officer@mod.ee', 'EST'],
      ['analyst@nato.int', null],
    ] as const) {
      passwords.set(email, (await test.cloud.addUser({ email, ally })).password);
    }
  });
  afterAll(async () => {
    await test?.stop();
  });

  /** Signs in through the form and redeems the code: the token endpoint's answer (status, body). */
  const signIn = async (email: string, options: { password?: string; verifier?: string } = {}) => {
    const verifier = randomBytes(32).toString('base64url');
    const login = await fetch(`${test.cloud.endpoint}/idp/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: email,
        password: options.password ?? passwords.get(email) ?? '',
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: test.cloud.pageUrl,
        state: 'st',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }),
    });
    if (login.status !== 302) return { login: login.status, status: 0, body: {} as Record<string, unknown> };
    const location = new URL(login.headers.get('location') ?? '');
    const res = await fetch(`${test.cloud.endpoint}/idp/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code') ?? '',
        client_id: CLIENT_ID,
        redirect_uri: test.cloud.pageUrl,
        code_verifier: options.verifier ?? verifier,
      }),
    });
    return { login: 302, state: location.searchParams.get('state'), status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const api = async (token: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${test.cloud.endpoint}/api${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it("serves the page's config.json naming this cloud's API, provider and client", async () => {
    // Act
    const config = SubmitPageConfigSchema.parse(await (await fetch(`${test.cloud.endpoint}/submit/config.json`)).json());
    // Assess
    expect(config).toEqual({
      apiBase: `${test.cloud.endpoint}/api`,
      authority: `${test.cloud.endpoint}/idp`,
      clientId: CLIENT_ID,
      redirectUri: `${test.cloud.endpoint}/submit/`,
      local: true,
    });
  });

  it('answers an ID token for the code and its verifier, keeping the state', async () => {
    // Act
    const answer = await signIn('officer@mod.ee');
    // Assess
    expect(answer).toMatchObject({ login: 302, state: 'st', status: 200, body: { token_type: 'Bearer', expires_in: 3600, id_token: expect.any(String) } });
  });

  it('refuses a wrong password on the form and a wrong verifier at the token endpoint', async () => {
    // Act
    const wrongPassword = await signIn('officer@mod.ee', { password: 'guess' });
    const wrongVerifier = await signIn('officer@mod.ee', { verifier: 'x'.repeat(43) });
    // Assess
    expect(wrongPassword.login).toBe(401);
    expect(wrongVerifier).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'code_verifier does not match the code challenge' } });
  });

  it('lets an analyst read any ally but upload for none', async () => {
    // Prepare
    const token = String((await signIn('analyst@nato.int')).body.id_token);
    // Act
    const read = await api(token, '/receipts?ally=POL');
    const upload = await api(token, '/uploads', { method: 'POST', body: JSON.stringify({ fileName: 'a.csv', size: 10 }) });
    // Assess
    expect(read).toEqual({ status: 200, body: { ally: 'POL', receipts: [] } });
    expect(upload).toMatchObject({ status: 403, body: { error: { code: 'analyst-cannot-upload' } } });
  });

  it("signs a submitter's upload for the exact key, size and type, with the uploader", async () => {
    // Prepare
    const token = String((await signIn('officer@mod.ee')).body.id_token);
    // Act
    const grant = await api(token, '/uploads', { method: 'POST', body: JSON.stringify({ fileName: 'budget 2025.csv', size: 1234, ally: 'POL' }) });
    // Assess
    expect(grant.status).toBe(201);
    const { key, upload } = grant.body as { key: string; upload: { url: string; fields: Record<string, string> } };
    expect(key).toMatch(/^submissions\/EST\/\d{8}T\d{9}Z-[a-z0-9]{20}-/);
    expect(upload.url).toBe(`${test.cloud.endpoint}/dualtrack-uploads`);
    expect(upload.fields).toMatchObject({ key, 'Content-Type': 'text/csv', 'x-amz-meta-uploader': 'officer@mod.ee' });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1234, 1234]);
  });

  it('refuses the API without a token or with one it did not sign (401)', async () => {
    // Act
    const none = await fetch(`${test.cloud.endpoint}/api/receipts`);
    const forged = await api('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', '/receipts');
    // Assess
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });
});
