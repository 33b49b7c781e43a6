// The runtime's control routes, on the S3 port under /_dualtrack/: `GET status` tells clients
// the bucket names and queue state; `POST recompute` with the payload an analyst would give
// `aws lambda invoke` ({"reportingYear": 2026, "reason": "…"}) runs the recompute handler and
// answers with its outcome; `POST users` ({"email": "…", "ally": "EST"}, or "ally": null for an
// analyst) adds a portal user to the local identity provider and answers its sign-in password.
// This is the server side; the answers' shapes are in contract.ts and the clients are in
// cli/clients/ (local-cloud.ts, local-users.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as z from 'zod';
import { ManualPayloadSchema } from '../functions/common/index.ts';
import type { ManualPayload } from '../functions/common/index.ts';
import type { PublishOutcome } from '../shared/pipeline/index.ts';
import { ControlPath, NewPortalUserSchema } from './contract.ts';
import type { AddedPortalUser, NewPortalUser, Status } from './contract.ts';
import { IdentityError } from './identity/errors.ts';
import { ControlRouteError } from './errors.ts';
import { readBody } from './http-io.ts';

const MAX_BODY_BYTES = 16 * 1024;

interface ControlApi {
  status: () => Promise<Status>;
  recompute: (payload: ManualPayload) => Promise<PublishOutcome>;
  addUser: (user: NewPortalUser) => Promise<AddedPortalUser>;
}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

/** The body checked against `schema`, or a sentence saying what is wrong with it. */
const parseJson = <T>(text: string, schema: z.ZodType<T>): T | string => {
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
};

const parsePayload = (text: string): ManualPayload | string => parseJson(text, ManualPayloadSchema);

/** The HTTP side: routes control requests to `api`. */
const createControlHandler =
  (api: ControlApi) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0];
    const answer = async (): Promise<void> => {
      if (path === ControlPath.status && req.method === 'GET') return send(res, 200, await api.status());
      if (path === ControlPath.recompute && req.method === 'POST') {
        const payload = parsePayload((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
        if (typeof payload === 'string') return send(res, 400, { error: payload });
        return send(res, 200, await api.recompute(payload));
      }
      if (path === ControlPath.users && req.method === 'POST') {
        const user = parseJson((await readBody(req, MAX_BODY_BYTES)).toString('utf8'), NewPortalUserSchema);
        if (typeof user === 'string') return send(res, 400, { error: user });
        try {
          return send(res, 201, await api.addUser(user));
        } catch (error) {
          if (error instanceof IdentityError) return send(res, error.code === 'user-exists' ? 409 : 400, { error: error.message });
          throw error;
        }
      }
      return send(res, 404, { error: `no route ${req.method ?? ''} ${path ?? ''}` });
    };
    answer().catch((error: unknown) => {
      const status = error instanceof ControlRouteError ? error.status : 500;
      if (!res.headersSent) send(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  };

export { createControlHandler };
export type { ControlApi };
