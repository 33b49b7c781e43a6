// Small HTTP helpers for the local cloud's own routes (control, identity provider, portal API):
// a body read with a ceiling, and JSON, HTML and redirect answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ControlRouteError } from './errors.ts';

const readBody = (req: IncomingMessage, maxBytes: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new ControlRouteError(413, `the request body is over ${maxBytes} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
};

const sendBytes = (res: ServerResponse, status: number, body: Buffer | string, contentType: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
};

const redirect = (res: ServerResponse, location: string): void => {
  res.writeHead(302, { location, 'content-length': 0, 'cache-control': 'no-store' });
  res.end();
};

/** The path and query of a request's URL. */
const urlOf = (req: IncomingMessage): URL => new URL(req.url ?? '/', 'http://local');

/** A form body (application/x-www-form-urlencoded) as a plain record; a repeated name keeps its first value. */
const formFields = (body: Buffer): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) if (!(name in fields)) fields[name] = value;
  return fields;
};

export { readBody, sendJson, sendBytes, redirect, urlOf, formFields };
