// The submitters' portal on the local cloud's port, as the stack serves it from three places:
//   /submit/      the page's static files and its config.json (the public site's submit/)
//   /api/         the portal API: the Bearer token verified as the JWT authorizer does, then the
//                 shared router (shared/portal) with local dependencies (s3rver reads, a
//                 presigned POST for s3rver, signed download links, the template builder)
//   /idp/         the identity provider (Cognito's hosted UI and token endpoint)
// plus the browser upload (POST to the uploads bucket, its policy checked) and /downloads/.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { portalApi } from '../shared/portal/index.ts';
import type { PortalDeps } from '../shared/portal/index.ts';
import { allyByIso3 } from '../shared/reference/index.ts';
import type { Storage } from '../shared/storage/index.ts';
import { SUBMIT_FOLDER, SubmitPageConfigSchema, submitPageFiles } from '../shared/submit-page/index.ts';
import type { SubmitPageConfig } from '../shared/submit-page/index.ts';
import { buildTemplate, DEFAULT_FROM, DEFAULT_TO } from '../shared/template/index.ts';
import type { S3Client } from '@aws-sdk/client-s3';
import { createDownloadLinks, DOWNLOADS_PREFIX } from './download-links.ts';
import { readBody, redirect, sendBytes, sendJson, urlOf } from './http-io.ts';
import { ControlRouteError, LocalCloudError } from './errors.ts';
import { IdentityError } from './identity/errors.ts';
import { createIdentityProvider, IDP_PREFIX } from './identity/provider.ts';
import type { IdentityProvider } from './identity/provider.ts';
import { createPostUploadHandler } from './post-upload.ts';
import { presignLocalPost } from './post-policy.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './settings.ts';

const PAGE_PREFIX = `/${SUBMIT_FOLDER}`;
const API_PREFIX = '/api';
const MAX_API_BODY_BYTES = 16 * 1024;

interface PortalHostOptions {
  dir: string;
  endpoint: string;
  client: S3Client;
  storage: Storage;
  buckets: { uploads: string; public: string };
  /** The ingest limit on an upload's size. */
  maxBytes: number;
  now?: () => Date;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface PortalHost {
  /** The page's address (`<endpoint>/submit/`). */
  pageUrl: string;
  /** The page's config.json for the page served at /submit/. */
  config: SubmitPageConfig;
  /** The same, for the copy the publisher writes into the public bucket's submit/. */
  publicCopyConfig: SubmitPageConfig;
  idp: IdentityProvider;
  /** Each route, with the requests it serves, in the order they are checked. */
  routes: readonly { matches: (req: IncomingMessage) => boolean; handler: Handler }[];
}

const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0] ?? '/';
const under = (prefix: string) => (req: IncomingMessage) => {
  const path = pathOf(req);
  return path === prefix || path.startsWith(`${prefix}/`);
};

/** A 20-character id of a-z and 0-9 (the portal's upload ids take 16 to 32). */
const newId = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
};

const startPortalHost = async (options: PortalHostOptions): Promise<PortalHost> => {
  const now = options.now ?? (() => new Date());
  const pageUrl = `${options.endpoint}${PAGE_PREFIX}`;
  const publicCopyUrl = `${options.endpoint}/${options.buckets.public}${PAGE_PREFIX}`;
  const idp = await createIdentityProvider({ dir: options.dir, endpoint: options.endpoint, redirectUris: [pageUrl, publicCopyUrl], ...(options.now ? { now: options.now } : {}) });
  const configFor = (redirectUri: string): SubmitPageConfig =>
    SubmitPageConfigSchema.parse({ apiBase: `${options.endpoint}${API_PREFIX}`, authority: idp.issuer, clientId: idp.clientId, redirectUri, local: true });
  const config = configFor(pageUrl);
  const links = createDownloadLinks(options.endpoint, options.storage, now);

  const deps: PortalDeps = {
    receipts: options.storage,
    presignUpload: async (upload) =>
      presignLocalPost({
        url: `${options.endpoint}/${options.buckets.uploads}`,
        bucket: options.buckets.uploads,
        ...upload,
        accessKeyId: LOCAL_CREDENTIALS.accessKeyId,
        secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey,
        region: LOCAL_REGION,
        now: now(),
      }),
    signDownload: async (key) => links.sign(key),
    template: async (iso3, lang) => {
      const ally = allyByIso3(iso3);
      // The router checked the code already; a miss here is a bug, answered 500.
      if (!ally) throw new LocalCloudError(`the portal asked for the template of ${iso3}, which is no ally`);
      const bytes = await buildTemplate({ ally, from: DEFAULT_FROM, to: DEFAULT_TO, lang });
      return { bytes, fileName: `dualtrack-template-${ally.iso3}-${lang}.xlsx` };
    },
    // The local provider has no second factor; analysts are taken as having one.
    analystHasMfa: async () => true,
    maxBytes: options.maxBytes,
    now,
    newId,
  };

  const page: Handler = (req, res) => {
    const path = pathOf(req);
    if (path === PAGE_PREFIX.slice(0, -1)) return redirect(res, PAGE_PREFIX);
    const name = path.slice(PAGE_PREFIX.length) || 'index.html';
    if (name === 'config.json') return sendJson(res, 200, config);
    const file = submitPageFiles().find((f) => f.path === name);
    if (!file || req.method !== 'GET') return sendBytes(res, 404, 'Not found\n', 'text/plain; charset=utf-8');
    sendBytes(res, 200, file.body, file.contentType, { 'cache-control': 'no-cache' });
  };

  const api: Handler = (req, res) => {
    const answer = async (): Promise<void> => {
      const url = urlOf(req);
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer) return sendJson(res, 401, { error: { code: 'unauthorized', message: 'The request needs a sign-in token (Authorization: Bearer).' } }, { 'www-authenticate': 'Bearer' });
      let claims: unknown;
      try {
        claims = await idp.tokens.verify(bearer);
      } catch (error) {
        if (!(error instanceof IdentityError)) throw error;
        return sendJson(res, 401, { error: { code: 'unauthorized', message: `The sign-in token was refused: ${error.message}.` } }, { 'www-authenticate': 'Bearer error="invalid_token"' });
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : (await readBody(req, MAX_API_BODY_BYTES)).toString('utf8');
      const query = Object.fromEntries(url.searchParams);
      const response = await portalApi({ method: req.method ?? 'GET', path: url.pathname.slice(API_PREFIX.length) || '/', query, body, claims }, deps);
      if (response.body instanceof Uint8Array && 'contentType' in response) {
        return sendBytes(res, response.status, Buffer.from(response.body), response.contentType, { 'content-disposition': `attachment; filename="${response.fileName}"`, 'cache-control': 'no-store' });
      }
      sendJson(res, response.status, response.body);
    };
    answer().catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof ControlRouteError) sendJson(res, error.status, { error: { code: 'too-large', message: `${error.message}.` } });
      else sendJson(res, 500, { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
    });
  };

  const uploadsPath = `/${options.buckets.uploads}`;
  const postUpload = createPostUploadHandler({
    client: options.client,
    bucket: options.buckets.uploads,
    maxFileBytes: options.maxBytes,
    context: () => ({ secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey, region: LOCAL_REGION, now: now() }),
  });

  return {
    pageUrl,
    config,
    publicCopyConfig: configFor(publicCopyUrl),
    idp,
    routes: [
      { matches: under(PAGE_PREFIX.slice(0, -1)), handler: page },
      { matches: under(API_PREFIX), handler: api },
      { matches: under(IDP_PREFIX), handler: idp.handle },
      { matches: (req) => req.url?.startsWith(DOWNLOADS_PREFIX) ?? false, handler: links.handle },
      // A browser upload: a POST to the bucket itself, with no sub-resource (`?delete` is s3rver's).
      { matches: (req) => req.method === 'POST' && (req.url === uploadsPath || req.url === `${uploadsPath}/`), handler: postUpload },
    ],
  };
};

export { startPortalHost, API_PREFIX, PAGE_PREFIX };
export type { PortalHost, PortalHostOptions };
