// The portal's API as one pure router: a request whose token the host has verified in, a status
// and a JSON body (or the template's bytes) out. The Lambda (functions/portal) and the local
// `serve` both call it, each with its own storage, presigner and clock, so they answer alike.
import * as z from 'zod';
import { allyByIso3 } from '../reference/index.ts';
import { Lang } from '../text/index.ts';
import { callerOf } from './caller.ts';
import type { Caller } from './caller.ts';
import { PortalDepsError } from './errors.ts';
import { annotatedKey, compactTime, findReceipt, listReceipts, TOKEN, viewOf } from './receipts.ts';
import type { ReceiptReader, ReceiptSummary, ReceiptView } from './receipts.ts';
import { refusal, statusOf } from './refusals.ts';
import type { Refusal, RefusalBody } from './refusals.ts';
import { UploadRequestSchema, uploadKeyFor, uploadTerms } from './upload.ts';

/** How long a presigned upload stays usable. */
const UPLOAD_EXPIRY_SECONDS = 15 * 60;

interface PortalRequest {
  method: string;
  /** Relative to the API's base: `/uploads`, `/receipts`, `/receipts/<id>`, `/template`. */
  path: string;
  query: Readonly<Record<string, string | undefined>>;
  /** The body as text (parsed here) or already parsed; absent for a GET. */
  body?: unknown;
  /** The verified token's claims (checked here with zod: they are still outside input). */
  claims: unknown;
}

interface PresignedUpload {
  url: string;
  /** Every form field the browser must send before the file (key, policy, signature, type, metadata). */
  fields: Record<string, string>;
}

interface UploadToSign {
  key: string;
  /** Signed exactly: content-length-range [size, size]. */
  size: number;
  contentType: string;
  /** User metadata without the `x-amz-meta-` prefix: `uploader` (e-mail) and `uploader-sub`. */
  metadata: Record<string, string>;
  expiresInSeconds: number;
}

type Template = { bytes: Uint8Array; fileName: string } | { url: string };

interface PortalDeps {
  /** Reads of the uploads bucket (receipts and annotated workbooks). */
  receipts: ReceiptReader;
  presignUpload(upload: UploadToSign): Promise<PresignedUpload>;
  /** A short-lived GET link to a key of the uploads bucket. */
  signDownload(key: string): Promise<string>;
  /** The ally's submission template in a language. */
  template(ally: string, lang: Lang): Promise<Template>;
  /**
   * Whether an analyst's account has MFA set up (Cognito's pool makes MFA optional, and a user who
   * set it up cannot sign in without it). An analyst without it is refused everything.
   */
  analystHasMfa(caller: Extract<Caller, { kind: 'analyst' }>): Promise<boolean>;
  /** The ingest limit on upload size, bytes (shared/ingest/limits.ts, as the stack configures it). */
  maxBytes: number;
  now(): Date;
  /** 16 to 32 random characters of a-z and 0-9; the upload id is the time and this. */
  newId(): string;
}

type JsonResponse<T> = { status: number; body: T };
type PortalResponse =
  | JsonResponse<RefusalBody>
  | JsonResponse<{ id: string; key: string; upload: PresignedUpload; expiresAt: string }>
  | JsonResponse<{ ally: string; receipts: ReceiptSummary[] }>
  | JsonResponse<{ receipt: ReceiptView; annotatedUrl: string | null }>
  | JsonResponse<{ url: string }>
  | { status: 200; body: Uint8Array; contentType: string; fileName: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LangSchema = z.enum([Lang.en, Lang.fr]);

const refuse = (r: Refusal): PortalResponse => ({ status: statusOf(r), body: { error: r } });

type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };
const no = (r: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal: r });

/** The ally a read is about: a submitter's own (naming another is refused), an analyst's choice. */
const allyOfRead = (caller: Caller, query: PortalRequest['query']): Outcome<string> => {
  const asked = query.ally?.trim().toUpperCase();
  if (asked !== undefined && asked !== '' && allyByIso3(asked) === null) {
    return no(refusal('unknown-ally', `"${query.ally}" is not the ISO3 code of an ally (for example EST).`));
  }
  if (caller.kind === 'submitter') {
    if (asked && asked !== caller.ally) return no(refusal('other-ally', `This account submits for ${caller.ally} and may not read ${asked}'s receipts.`));
    return { ok: true, value: caller.ally };
  }
  if (!asked) return no(refusal('ally-required', 'An analyst names the ally to read with ?ally= (for example ?ally=POL).'));
  return { ok: true, value: asked };
};

const jsonBody = (body: unknown): Outcome<unknown> => {
  if (typeof body !== 'string') return { ok: true, value: body ?? {} };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return no(refusal('bad-json', 'The request body is not valid JSON.'));
  }
};

const createUpload = async (caller: Caller, request: PortalRequest, deps: PortalDeps): Promise<PortalResponse> => {
  if (caller.kind !== 'submitter') return refuse(refusal('analyst-cannot-upload', 'Analysts read receipts and upload for no ally.'));
  const body = jsonBody(request.body);
  if (!body.ok) return refuse(body.refusal);
  const parsed = UploadRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))].join(', ');
    return refuse(refusal('bad-request', `The upload request needs a fileName (text) and a size (whole bytes); check ${fields}.`));
  }
  const terms = uploadTerms(parsed.data, deps.maxBytes);
  if (!terms.ok) return refuse(terms.refusal);
  const token = deps.newId();
  if (!TOKEN.test(token)) throw new PortalDepsError(`newId gave ${JSON.stringify(token)}, not 16 to 32 of a-z and 0-9`);
  const now = deps.now();
  const id = `${compactTime(now)}-${token}`;
  const key = uploadKeyFor(caller.ally, id, terms.terms.fileName);
  const upload = await deps.presignUpload({
    key,
    size: terms.terms.size,
    contentType: terms.terms.contentType,
    metadata: { uploader: caller.email, 'uploader-sub': caller.sub },
    expiresInSeconds: UPLOAD_EXPIRY_SECONDS,
  });
  const expiresAt = new Date(now.getTime() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString();
  return { status: 201, body: { id, key, upload, expiresAt } };
};

const getReceipt = async (caller: Caller, id: string, request: PortalRequest, deps: PortalDeps): Promise<PortalResponse> => {
  // Without ?lang= the receipt is worded in its template's language (English for any other file).
  const lang = request.query.lang === undefined ? null : LangSchema.safeParse(request.query.lang);
  if (lang !== null && !lang.success) return refuse(refusal('bad-request', `A receipt's language is en or fr, not "${request.query.lang}".`));
  const read = allyOfRead(caller, request.query);
  if (!read.ok) return refuse(read.refusal);
  const ally = read.value;
  const receipt = await findReceipt(deps.receipts, ally, id);
  if (receipt === null) return refuse(refusal('receipt-not-found', `No receipt ${id} for ${ally} yet; a new upload's receipt follows within a minute.`));
  const workbook = await annotatedKey(deps.receipts, receipt, ally);
  return { status: 200, body: { receipt: viewOf(receipt, lang?.data ?? receipt.lang), annotatedUrl: workbook === null ? null : await deps.signDownload(workbook) } };
};

const getTemplate = async (caller: Caller, request: PortalRequest, deps: PortalDeps): Promise<PortalResponse> => {
  const lang = LangSchema.safeParse(request.query.lang ?? Lang.en);
  if (!lang.success) return refuse(refusal('bad-request', `The template's language is en or fr, not "${request.query.lang}".`));
  const read = allyOfRead(caller, request.query);
  if (!read.ok) return refuse(read.refusal);
  const template = await deps.template(read.value, lang.data);
  if ('url' in template) return { status: 200, body: { url: template.url } };
  return { status: 200, body: template.bytes, contentType: XLSX_TYPE, fileName: template.fileName };
};

/** A path segment decoded; one that is not valid percent-encoding stays as it is (and matches nothing). */
const decodePathSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

type Route = (caller: Caller, request: PortalRequest, deps: PortalDeps, id: string) => Promise<PortalResponse>;

/** The routes: a path pattern and a handler per method. */
const ROUTES: readonly { path: RegExp; methods: Readonly<Record<string, Route>> }[] = [
  { path: /^\/uploads$/, methods: { POST: (c, r, d) => createUpload(c, r, d) } },
  {
    path: /^\/receipts$/,
    methods: {
      GET: async (c, r, d) => {
        const read = allyOfRead(c, r.query);
        if (!read.ok) return refuse(read.refusal);
        return { status: 200, body: { ally: read.value, receipts: await listReceipts(d.receipts, read.value) } };
      },
    },
  },
  { path: /^\/receipts\/([^/]+)$/, methods: { GET: (c, r, d, id) => getReceipt(c, id, r, d) } },
  { path: /^\/template$/, methods: { GET: (c, r, d) => getTemplate(c, r, d) } },
];

/** Answers one request. Refusals are answers; a failing dependency throws (the host answers 500). */
const portalApi = async (request: PortalRequest, deps: PortalDeps): Promise<PortalResponse> => {
  const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
  const route = ROUTES.map((r) => ({ r, match: r.path.exec(path) })).find((m) => m.match !== null);
  if (!route?.match) return refuse(refusal('no-route', `There is no ${path} in the portal API.`));
  const handler = route.r.methods[request.method.toUpperCase()];
  if (handler === undefined) {
    return refuse(refusal('method-not-allowed', `The path ${path} takes ${Object.keys(route.r.methods).join(', ')}, not ${request.method.toUpperCase()}.`));
  }
  const outcome = callerOf(request.claims);
  if (!outcome.ok) return refuse(outcome.refusal);
  const { caller } = outcome;
  if (caller.kind === 'analyst' && !(await deps.analystHasMfa(caller))) {
    return refuse(refusal('analyst-needs-mfa', 'Analysts must set up multi-factor authentication before they read receipts.'));
  }
  return handler(caller, request, deps, decodePathSegment(route.match[1] ?? ''));
};

export { portalApi, UPLOAD_EXPIRY_SECONDS };
export type { PortalRequest, PortalResponse, PortalDeps, PresignedUpload, UploadToSign, Template };
