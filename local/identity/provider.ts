// The local identity provider, served under /idp/ on the local cloud's port: the endpoints of
// Cognito's hosted UI that the portal page uses (authorize with a sign-in form, token, logout,
// the key set and the discovery document), over the user directory, the code flow and the token
// service of this folder.
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formFields, readBody, redirect, sendBytes, sendJson, urlOf } from '../http-io.ts';
import { IdentityError } from './errors.ts';
import { createCodeFlow } from './oauth.ts';
import type { AuthorizeRequest } from './oauth.ts';
import { errorPage, signInForm } from './sign-in-form.ts';
import { createTokenService } from './tokens.ts';
import type { TokenService } from './tokens.ts';
import { createUserDirectory } from './users.ts';
import type { UserDirectory } from './users.ts';

/** Where the provider answers on the local cloud's port. */
const IDP_PREFIX = '/idp';
/** The one app client: the submitters' page. */
const LOCAL_CLIENT_ID = 'dualtrack-local-portal';

const IdpPath = {
  authorize: `${IDP_PREFIX}/oauth2/authorize`,
  login: `${IDP_PREFIX}/login`,
  token: `${IDP_PREFIX}/oauth2/token`,
  logout: `${IDP_PREFIX}/logout`,
  jwks: `${IDP_PREFIX}/.well-known/jwks.json`,
  discovery: `${IDP_PREFIX}/.well-known/openid-configuration`,
} as const;

const IdentityFiles = { users: join('identity', 'users.json'), signingKey: join('identity', 'signing-key.json') } as const;

const MAX_FORM_BYTES = 16 * 1024;
const HTML = 'text/html; charset=utf-8';

interface IdentityProviderOptions {
  /** The runtime's folder; users and the signing key are kept under identity/. */
  dir: string;
  /** The local cloud's base URL; the issuer is `<endpoint>/idp`. */
  endpoint: string;
  /** The client's callback URLs (the page's addresses). */
  redirectUris: readonly string[];
  now?: () => Date;
}

interface IdentityProvider {
  issuer: string;
  clientId: string;
  users: UserDirectory;
  tokens: TokenService;
  /** Serves a request under /idp/. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

const paramsOf = (url: URL): Record<string, string> => Object.fromEntries(url.searchParams);

const createIdentityProvider = async (options: IdentityProviderOptions): Promise<IdentityProvider> => {
  const issuer = `${options.endpoint}${IDP_PREFIX}`;
  const users = createUserDirectory(join(options.dir, IdentityFiles.users), options.now);
  const tokens = await createTokenService(join(options.dir, IdentityFiles.signingKey), { issuer, clientId: LOCAL_CLIENT_ID, ...(options.now ? { now: options.now } : {}) });
  const flow = createCodeFlow({ clientId: LOCAL_CLIENT_ID, redirectUris: options.redirectUris }, options.now);

  const backToClient = (request: AuthorizeRequest, code: string): string => {
    const target = new URL(request.redirect_uri);
    target.searchParams.set('code', code);
    if (request.state !== undefined) target.searchParams.set('state', request.state);
    return target.toString();
  };

  const authorize = (req: IncomingMessage, res: ServerResponse): void => {
    const request = flow.checkAuthorize(paramsOf(urlOf(req)));
    sendBytes(res, 200, signInForm(request, IdpPath.login), HTML, { 'cache-control': 'no-store' });
  };

  const login = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { username = '', password = '', ...rest } = formFields(await readBody(req, MAX_FORM_BYTES));
    const request = flow.checkAuthorize(rest);
    const user = users.authenticate(username, password);
    if (!user) return sendBytes(res, 401, signInForm(request, IdpPath.login, { failed: true, email: username }), HTML, { 'cache-control': 'no-store' });
    redirect(res, backToClient(request, flow.issueCode(request, user.sub)));
  };

  const token = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const { sub } = flow.redeem(formFields(await readBody(req, MAX_FORM_BYTES)));
      const user = users.bySub(sub);
      if (!user) throw new IdentityError('the user no longer exists', { code: 'invalid_grant' });
      const { idToken, expiresIn } = await tokens.issueIdToken(user);
      // The page reads the ID token (it carries cognito:groups); the access token is the same
      // here, as the API only ever reads an ID token.
      sendJson(res, 200, { id_token: idToken, access_token: idToken, token_type: 'Bearer', expires_in: expiresIn });
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      sendJson(res, 400, { error: error.code, error_description: error.message });
    }
  };

  const logout = (req: IncomingMessage, res: ServerResponse): void => {
    const target = urlOf(req).searchParams.get('logout_uri') ?? '';
    if (!options.redirectUris.includes(target)) throw new IdentityError(`logout_uri ${target || '(none)'} is not a sign-out URL of the client`);
    redirect(res, target);
  };

  const discovery = {
    issuer,
    authorization_endpoint: `${options.endpoint}${IdpPath.authorize}`,
    token_endpoint: `${options.endpoint}${IdpPath.token}`,
    jwks_uri: `${options.endpoint}${IdpPath.jwks}`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = urlOf(req).pathname;
    const answer = async (): Promise<void> => {
      if (req.method === 'GET' && path === IdpPath.authorize) return authorize(req, res);
      if (req.method === 'POST' && path === IdpPath.login) return login(req, res);
      if (req.method === 'POST' && path === IdpPath.token) return token(req, res);
      if (req.method === 'GET' && path === IdpPath.logout) return logout(req, res);
      if (req.method === 'GET' && path === IdpPath.jwks) return sendJson(res, 200, tokens.jwks);
      if (req.method === 'GET' && path === IdpPath.discovery) return sendJson(res, 200, discovery);
      sendJson(res, 404, { error: 'not_found', error_description: `no route ${req.method ?? ''} ${path}` });
    };
    answer().catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof IdentityError) sendBytes(res, 400, errorPage(error.message), HTML);
      else sendJson(res, 500, { error: 'server_error', error_description: error instanceof Error ? error.message : String(error) });
    });
  };

  return { issuer, clientId: LOCAL_CLIENT_ID, users, tokens, handle };
};

export { createIdentityProvider, IDP_PREFIX, IdpPath, LOCAL_CLIENT_ID, IdentityFiles };
export type { IdentityProvider, IdentityProviderOptions };
