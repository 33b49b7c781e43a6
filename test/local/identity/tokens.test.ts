// The local provider's ID tokens are checked as API Gateway's JWT authorizer checks Cognito's:
// signature by the provider's key, issuer, audience, expiry, and an ID token's claims.
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenService } from '../../../local/identity/tokens.ts';
import type { User } from '../../../local/identity/users.ts';
import { tempDirs } from '../../helpers/temp.ts';

const ISSUER = 'http://127.0.0.1:4568/idp';
const CLIENT = 'dualtrack-local-portal';
const USER: User = { sub: '6f1c1f1e-0000-4000-8000-000000000001', email: 'officer@mod.ee', groups: ['ally-EST'], passwordHash: 'scrypt$00$00', createdAt: '2026-12-01T08:00:00.000Z' };

describe('local ID tokens', () => {
  const temp = tempDirs('dualtrack-tokens-');
  const service = (dir: string, now = new Date('2026-12-01T09:00:00Z'), settings: { issuer?: string; clientId?: string } = {}) =>
    createTokenService(join(dir, 'key.json'), { issuer: settings.issuer ?? ISSUER, clientId: settings.clientId ?? CLIENT, now: () => now });

  it('carries the claims of a Cognito ID token and verifies with them', async () => {
    // Prepare
    const tokens = await service(temp.make());
    // Act
    const { idToken, expiresIn } = await tokens.issueIdToken(USER);
    const claims = await tokens.verify(idToken);
    // Assess
    expect(expiresIn).toBe(3600);
    expect(claims).toMatchObject({ iss: ISSUER, aud: CLIENT, sub: USER.sub, email: USER.email, token_use: 'id', 'cognito:groups': ['ally-EST'] });
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it('keeps its key across a restart, so a token still verifies', async () => {
    // Prepare
    const dir = temp.make();
    const { idToken } = await (await service(dir)).issueIdToken(USER);
    // Act
    const claims = await (await service(dir)).verify(idToken);
    // Assess
    expect(claims.sub).toBe(USER.sub);
  });

  it.each([
    ['an expired token', { now: new Date('2026-12-01T10:00:01Z') }, /expired/],
    ['another issuer', { issuer: 'http://127.0.0.1:9999/idp' }, /claims do not hold.*iss/],
    ['another audience', { clientId: 'someone-else' }, /claims do not hold.*aud/],
  ])('refuses %s', async (_what, verifier: { now?: Date; issuer?: string; clientId?: string }, why) => {
    // Prepare
    const dir = temp.make();
    const { idToken } = await (await service(dir)).issueIdToken(USER);
    const checking = await service(dir, verifier.now, verifier);
    // Act
    const verdict = checking.verify(idToken);
    // Assess
    await expect(verdict).rejects.toThrow(why);
    await expect(verdict).rejects.toMatchObject({ code: 'invalid-token' });
  });

  it('refuses a token signed by another key, a tampered token and what is no JWT', async () => {
    // Prepare
    const tokens = await service(temp.make());
    const { privateKey } = await generateKeyPair('RS256');
    const alien = await new SignJWT({ email: USER.email, token_use: 'id', 'cognito:groups': ['ally-POL'] })
      .setProtectedHeader({ alg: 'RS256', kid: tokens.jwks.keys[0]?.kid ?? '' })
      .setIssuer(ISSUER)
      .setAudience(CLIENT)
      .setSubject(USER.sub)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const { idToken } = await tokens.issueIdToken(USER);
    const [header = '', payload = '', signature = ''] = idToken.split('.');
    const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), 'cognito:groups': ['ally-POL'] })).toString('base64url');
    // Act, Assess
    await expect(tokens.verify(alien)).rejects.toThrow('the token is not signed by this provider');
    await expect(tokens.verify(`${header}.${widened}.${signature}`)).rejects.toThrow('the token is not signed by this provider');
    await expect(tokens.verify('not.a.jwt')).rejects.toThrow('the token is not a valid JWT');
  });
});
