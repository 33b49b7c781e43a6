// Portal: API Gateway HTTP API (payload 2.0) requests, already past the JWT authorizer, in; the
// portal core's answer out. The route, the ally and every refusal are the core's (shared/portal);
// this file only translates the event and the response, and logs one line per request.
import * as z from 'zod';
import { portalApi } from '../../shared/portal/index.ts';
import type { PortalDeps, PortalResponse } from '../../shared/portal/index.ts';
import { parseEvent } from '../common/plain.ts';
import type { Log } from '../common/plain.ts';

/** The fields of an HTTP API v2 event with a JWT authorizer that the portal reads. */
const HttpApiEventSchema = z.object({
  rawPath: z.string(),
  queryStringParameters: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
  requestContext: z.object({
    http: z.object({ method: z.string() }),
    // Claims as the authorizer passes them: strings, an array claim as "[a b]".
    authorizer: z.object({ jwt: z.object({ claims: z.record(z.string(), z.unknown()) }) }).optional(),
  }),
});

interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/** What a failing dependency answers: no detail leaves the function (the log has it). */
const INTERNAL = { error: { code: 'internal', message: 'The portal could not answer; try again in a minute.' } };

const NO_STORE = { 'cache-control': 'no-store' };

const jsonResult = (status: number, body: unknown): HttpApiResult => ({
  statusCode: status,
  headers: { ...NO_STORE, 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
  isBase64Encoded: false,
});

const resultOf = (response: PortalResponse): HttpApiResult => {
  if (response.body instanceof Uint8Array) {
    return {
      statusCode: response.status,
      headers: {
        ...NO_STORE,
        'content-type': 'contentType' in response ? response.contentType : 'application/octet-stream',
        'content-disposition': `attachment; filename="${'fileName' in response ? response.fileName : 'download'}"`,
      },
      body: Buffer.from(response.body).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return jsonResult(response.status, response.body);
};

const createPortalHandler = (deps: PortalDeps & { logger: Log }) => {
  const { logger } = deps;
  return async (event: unknown): Promise<HttpApiResult> => {
    const e = parseEvent('HTTP API', HttpApiEventSchema, event);
    const method = e.requestContext.http.method;
    const body = e.body === undefined ? undefined : e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
    try {
      const response = await portalApi(
        { method, path: e.rawPath, query: e.queryStringParameters ?? {}, body, claims: e.requestContext.authorizer?.jwt.claims },
        deps,
      );
      const refused = response.body instanceof Uint8Array ? null : (response.body as { error?: { code: string } }).error?.code;
      logger.info('portal request', { method, path: e.rawPath, status: response.status, ...(refused ? { refused } : {}) });
      return resultOf(response);
    } catch (error) {
      logger.error('portal request failed', { method, path: e.rawPath, error: error instanceof Error ? error : String(error) });
      return jsonResult(500, INTERNAL);
    }
  };
};

export { createPortalHandler, HttpApiEventSchema };
export type { HttpApiResult };
