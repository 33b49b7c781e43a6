// The local identity provider's tokens: RS256 JWTs with the claims of a Cognito ID token, signed
// with a key pair kept under the runtime's folder (so a restart keeps sessions), and verified the
// way API Gateway's JWT authorizer verifies them: signature against the published key set,
// issuer, audience (the app client), expiry, then the claims the API reads.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT, calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWK, JWTPayload } from 'jose';
import * as z from 'zod';
import { IdentityError } from './errors.ts';
import type { User } from './users.ts';

const ALG = 'RS256';
/** Cognito's default ID-token lifetime. */
const ID_TOKEN_SECONDS = 3600;

/** What the API reads from a verified ID token (Cognito's names). */
const IdClaimsSchema = z.looseObject({
  iss: z.string(),
  aud: z.string(),
  exp: z.number(),
  iat: z.number(),
  sub: z.string(),
  email: z.string(),
  token_use: z.literal('id'),
  'cognito:groups': z.array(z.string()).default([]),
});
type IdClaims = z.infer<typeof IdClaimsSchema>;

const StoredKeySchema = z.looseObject({ kty: z.literal('RSA'), kid: z.string(), d: z.string(), n: z.string(), e: z.string() });

interface TokenSettings {
  /** The issuer: the provider's base URL (`http://127.0.0.1:PORT/idp`), as Cognito's is its pool URL. */
  issuer: string;
  /** The app client id, the tokens' audience. */
  clientId: string;
  now?: () => Date;
}

interface TokenService {
  /** The public keys, as `/.well-known/jwks.json` publishes them. */
  jwks: JSONWebKeySet;
  issueIdToken: (user: User) => Promise<{ idToken: string; expiresIn: number }>;
  /** The token's claims when it verifies; throws IdentityError (`invalid-token`) naming why not. */
  verify: (token: string) => Promise<IdClaims>;
}

/** The signing key of `path`, made and written there the first time. */
const loadOrCreateKey = async (path: string): Promise<JWK> => {
  try {
    return StoredKeySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) {
      throw new IdentityError(`${path} is not a signing key; delete it to make a new one`, { cause: error });
    }
  }
  const { privateKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const key = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALG, use: 'sig' };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(key), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return key;
};

const publicPart = (key: JWK): JWK => ({ kty: key.kty, kid: key.kid, n: key.n, e: key.e, alg: ALG, use: 'sig' });

const whyInvalid = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && error instanceof Error) return `the token's claims do not hold: ${error.message}`;
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY') return 'the token is not signed by this provider';
  return 'the token is not a valid JWT';
};

const createTokenService = async (keyPath: string, settings: TokenSettings): Promise<TokenService> => {
  const stored = await loadOrCreateKey(keyPath);
  const signingKey = await importJWK(stored, ALG);
  const jwks: JSONWebKeySet = { keys: [publicPart(stored)] };
  const keySet = createLocalJWKSet(jwks);
  const now = settings.now ?? (() => new Date());
  const seconds = () => Math.floor(now().getTime() / 1000);

  return {
    jwks,
    issueIdToken: async (user) => {
      const iat = seconds();
      const claims: JWTPayload = { email: user.email, email_verified: true, token_use: 'id', 'cognito:groups': user.groups, 'cognito:username': user.email, auth_time: iat };
      const idToken = await new SignJWT(claims)
        .setProtectedHeader({ alg: ALG, kid: stored.kid ?? '', typ: 'JWT' })
        .setIssuer(settings.issuer)
        .setAudience(settings.clientId)
        .setSubject(user.sub)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ID_TOKEN_SECONDS)
        .sign(signingKey);
      return { idToken, expiresIn: ID_TOKEN_SECONDS };
    },
    verify: async (token) => {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySet, { issuer: settings.issuer, audience: settings.clientId, algorithms: [ALG], currentDate: now() }));
      } catch (error) {
        throw new IdentityError(whyInvalid(error), { code: 'invalid-token', cause: error });
      }
      const claims = IdClaimsSchema.safeParse(payload);
      if (!claims.success) throw new IdentityError(`the token is not an ID token: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { code: 'invalid-token' });
      return claims.data;
    },
  };
};

export { createTokenService, IdClaimsSchema, ID_TOKEN_SECONDS };
export type { TokenService, TokenSettings, IdClaims };
