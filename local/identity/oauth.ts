// The authorization code flow with PKCE, as Cognito's hosted UI runs it: the authorize request is
// checked (known client, registered redirect URI, an S256 code challenge), a signed-in user gets a
// one-time code that lives five minutes, and the token request must bring the same client and
// redirect URI and the verifier whose SHA-256 is the challenge. No client secret: the page is a
// public client, which is what PKCE is for.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { IdentityError } from './errors.ts';

const CODE_SECONDS = 300;

/** RFC 7636: 43-128 characters of [A-Za-z0-9-._~]. */
const PkceString = z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/, 'must be 43-128 characters of A-Z a-z 0-9 - . _ ~');

const AuthorizeRequestSchema = z.object({
  response_type: z.literal('code', { error: 'response_type must be "code"' }),
  client_id: z.string().min(1),
  redirect_uri: z.url(),
  state: z.string().max(2048).optional(),
  scope: z.string().max(512).optional(),
  code_challenge: PkceString,
  code_challenge_method: z.literal('S256', { error: 'code_challenge_method must be S256' }),
  lang: z.enum(['en', 'fr']).optional(),
});
type AuthorizeRequest = z.infer<typeof AuthorizeRequestSchema>;

const TokenRequestSchema = z.object({
  grant_type: z.literal('authorization_code', { error: 'grant_type must be authorization_code' }),
  code: z.string().min(1),
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  code_verifier: PkceString,
});
type TokenRequest = z.infer<typeof TokenRequestSchema>;

interface AppClient {
  clientId: string;
  /** The callback URLs the client registered; any other redirect_uri is refused. */
  redirectUris: readonly string[];
}

interface PendingCode {
  sub: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const issues = (error: z.ZodError): string => error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');

interface CodeFlow {
  /** The authorize request's parameters, checked; throws IdentityError naming the first problem. */
  checkAuthorize: (params: Record<string, string>) => AuthorizeRequest;
  /** A one-time code for `sub` bound to the checked request. */
  issueCode: (request: AuthorizeRequest, sub: string) => string;
  /** The user the code was issued to, once; throws IdentityError with an OAuth error code. */
  redeem: (params: Record<string, string>) => { sub: string };
}

const createCodeFlow = (client: AppClient, now: () => Date = () => new Date()): CodeFlow => {
  const codes = new Map<string, PendingCode>();
  const forget = (): void => {
    for (const [code, pending] of codes) if (pending.expiresAt <= now().getTime()) codes.delete(code);
  };
  return {
    checkAuthorize: (params) => {
      const parsed = AuthorizeRequestSchema.safeParse(params);
      if (!parsed.success) throw new IdentityError(`the sign-in request is not valid: ${issues(parsed.error)}`, { code: 'invalid_request' });
      if (parsed.data.client_id !== client.clientId) throw new IdentityError(`unknown client_id "${parsed.data.client_id}"`, { code: 'unauthorized_client' });
      if (!client.redirectUris.includes(parsed.data.redirect_uri)) {
        throw new IdentityError(`redirect_uri ${parsed.data.redirect_uri} is not a callback URL of the client (${client.redirectUris.join(', ')})`, { code: 'invalid_request' });
      }
      return parsed.data;
    },
    issueCode: (request, sub) => {
      forget();
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { sub, clientId: request.client_id, redirectUri: request.redirect_uri, challenge: request.code_challenge, expiresAt: now().getTime() + CODE_SECONDS * 1000 });
      return code;
    },
    redeem: (params) => {
      const parsed = TokenRequestSchema.safeParse(params);
      if (!parsed.success) throw new IdentityError(issues(parsed.error), { code: 'invalid_request' });
      const request: TokenRequest = parsed.data;
      forget();
      const pending = codes.get(request.code);
      // A code is spent by any attempt, right or wrong, as Cognito does.
      codes.delete(request.code);
      if (!pending) throw new IdentityError('the code is unknown, used or expired', { code: 'invalid_grant' });
      if (pending.clientId !== request.client_id) throw new IdentityError('the code was issued to another client', { code: 'invalid_grant' });
      if (pending.redirectUri !== request.redirect_uri) throw new IdentityError('redirect_uri differs from the authorize request', { code: 'invalid_grant' });
      if (!sameText(s256(request.code_verifier), pending.challenge)) throw new IdentityError('code_verifier does not match the code challenge', { code: 'invalid_grant' });
      return { sub: pending.sub };
    },
  };
};

export { createCodeFlow, s256, AuthorizeRequestSchema };
export type { AppClient, AuthorizeRequest, CodeFlow };
