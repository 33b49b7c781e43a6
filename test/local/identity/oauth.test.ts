// The authorization code flow with PKCE as the local provider runs it: only a registered client
// and redirect URI, only S256, and a code redeemed once, by the same client and redirect URI,
// with the verifier of its challenge.
import { describe, expect, it } from 'vitest';
import { createCodeFlow, s256 } from '../../../local/identity/oauth.ts';

const CLIENT = { clientId: 'dualtrack-local-portal', redirectUris: ['http://127.0.0.1:4568/submit/'] };
const VERIFIER = 'v'.repeat(43);
const authorize = (overrides: Record<string, string> = {}) => ({
  response_type: 'code',
  client_id: CLIENT.clientId,
  redirect_uri: CLIENT.redirectUris[0] ?? '',
  state: 'xyz',
  code_challenge: s256(VERIFIER),
  code_challenge_method: 'S256',
  ...overrides,
});
const tokenRequest = (code: string, overrides: Record<string, string> = {}) => ({
  grant_type: 'authorization_code',
  code,
  client_id: CLIENT.clientId,
  redirect_uri: CLIENT.redirectUris[0] ?? '',
  code_verifier: VERIFIER,
  ...overrides,
});

describe('the code flow with PKCE', () => {
  it('gives the signed-in user back for the right verifier, once', () => {
    // Prepare
    const flow = createCodeFlow(CLIENT);
    const code = flow.issueCode(flow.checkAuthorize(authorize()), 'user-1');
    // Act
    const first = flow.redeem(tokenRequest(code));
    // Assess
    expect(first).toEqual({ sub: 'user-1' });
    expect(() => flow.redeem(tokenRequest(code))).toThrow('the code is unknown, used or expired');
  });

  it.each([
    ['a wrong verifier', { code_verifier: 'w'.repeat(43) }, 'code_verifier does not match the code challenge'],
    ['another redirect URI', { redirect_uri: 'http://127.0.0.1:4568/other/' }, 'redirect_uri differs from the authorize request'],
    ['another client', { client_id: 'other' }, 'the code was issued to another client'],
  ])('refuses %s, and the code is spent', (_what, overrides, message) => {
    // Prepare
    const flow = createCodeFlow(CLIENT);
    const code = flow.issueCode(flow.checkAuthorize(authorize()), 'user-1');
    // Act, Assess
    expect(() => flow.redeem(tokenRequest(code, overrides))).toThrow(message);
    expect(() => flow.redeem(tokenRequest(code))).toThrow('the code is unknown, used or expired');
  });

  it('refuses a code after five minutes', () => {
    // Prepare
    let now = new Date('2026-12-01T09:00:00Z');
    const flow = createCodeFlow(CLIENT, () => now);
    const code = flow.issueCode(flow.checkAuthorize(authorize()), 'user-1');
    now = new Date('2026-12-01T09:05:00Z');
    // Act, Assess
    expect(() => flow.redeem(tokenRequest(code))).toThrow('the code is unknown, used or expired');
  });

  it.each([
    ['an unknown client', { client_id: 'other' }, 'unknown client_id "other"'],
    ['an unregistered redirect URI', { redirect_uri: 'https://evil.example/' }, 'is not a callback URL of the client'],
    ['the plain PKCE method', { code_challenge_method: 'plain' }, 'code_challenge_method must be S256'],
    ['no code challenge', { code_challenge: '' }, 'code_challenge'],
    ['the implicit flow', { response_type: 'token' }, 'response_type must be "code"'],
  ])('refuses an authorize request with %s', (_what, overrides, message) => {
    // Prepare
    const flow = createCodeFlow(CLIENT);
    // Act, Assess
    expect(() => flow.checkAuthorize(authorize(overrides))).toThrow(message);
  });
});
