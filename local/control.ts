// The runtime's control routes, on the S3 port under /_dualtrack/: `GET status` tells clients
// the bucket names and queue state; `POST recompute` with the payload an analyst would give
// `aws lambda invoke` ({"reportingYear": 2026, "reason": "…"}) runs the recompute handler and
// answers with its outcome. Both sides of the wire are here, checked by the same schemas.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ManualPayloadSchema } from '../functions/common/events.ts';
import type { ManualPayload } from '../functions/common/events.ts';
import type { PublishOutcome } from '../shared/pipeline/index.ts';
import { ControlRequestError, UnreachableError } from './errors.ts';
import { ControlPath } from './settings.ts';

const SERVICE = 'dualtrack-local';
const MAX_BODY_BYTES = 16 * 1024;

const StatusSchema = z.object({
  service: z.literal(SERVICE),
  endpoint: z.string(),
  buckets: z.object({ uploads: z.string(), data: z.string(), public: z.string() }),
  publicBaseUrl: z.string(),
  pendingPublishes: z.number().int().nonnegative(),
  pendingUploads: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
});
type Status = z.infer<typeof StatusSchema>;

const RecomputeResponseSchema = z.object({
  published: z.boolean(),
  release: z.number().int().nullable(),
  digest: z.string(),
  reportingYear: z.number().int(),
  written: z.array(z.string()),
});

interface ControlApi {
  status: () => Promise<Status>;
  recompute: (payload: ManualPayload) => Promise<PublishOutcome>;
}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ControlRequestError(req.url ?? '', 413, `body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const parsePayload = (text: string): ManualPayload | string => {
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const parsed = ManualPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
};

/** The HTTP side: routes control requests to `api`. */
const createControlHandler =
  (api: ControlApi) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0];
    const answer = async (): Promise<void> => {
      if (path === ControlPath.status && req.method === 'GET') return send(res, 200, await api.status());
      if (path === ControlPath.recompute && req.method === 'POST') {
        const payload = parsePayload(await readBody(req));
        if (typeof payload === 'string') return send(res, 400, { error: payload });
        return send(res, 200, await api.recompute(payload));
      }
      return send(res, 404, { error: `no route ${req.method ?? ''} ${path ?? ''}` });
    };
    answer().catch((error: unknown) => {
      const status = error instanceof ControlRequestError ? error.status : 500;
      if (!res.headersSent) send(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  };

const callControl = async (endpoint: string, path: string, init?: RequestInit): Promise<unknown> => {
  let res: Response;
  try {
    res = await fetch(`${endpoint.replace(/\/$/, '')}${path}`, init);
  } catch (error) {
    throw new UnreachableError(endpoint, error instanceof Error && error.cause instanceof Error ? error.cause.message : 'no answer', { cause: error });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UnreachableError(endpoint, `${path} did not answer JSON (status ${res.status})`, { cause: error });
  }
  if (!res.ok) {
    const detail = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : text;
    throw new ControlRequestError(path, res.status, detail);
  }
  return body;
};

/** The client side: asks a running local cloud for its status. */
const fetchStatus = async (endpoint: string): Promise<Status> => {
  const body = await callControl(endpoint, ControlPath.status);
  const parsed = StatusSchema.safeParse(body);
  if (!parsed.success) throw new UnreachableError(endpoint, 'the status answer is not a dualtrack local cloud\'s');
  return parsed.data;
};

/** The client side: asks a running local cloud to recompute now. */
const requestRecompute = async (endpoint: string, payload: ManualPayload): Promise<PublishOutcome> => {
  const body = await callControl(endpoint, ControlPath.recompute, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return RecomputeResponseSchema.parse(body);
};

export { createControlHandler, fetchStatus, requestRecompute, StatusSchema, SERVICE };
export type { Status, ControlApi };
