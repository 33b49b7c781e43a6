// The embedded S3: s3rver on loopback with the three buckets. The public bucket gets a website
// configuration (index document index.html) and an open CORS rule, so a browser can open
// http://HOST:PORT/<public>/ and scripts can fetch the JSON; requests signed by an SDK or the
// CLI still get plain S3 behaviour. The runtime's control routes share the port. s3rver keeps
// its files through a guarded store (s3-store.ts), and what a kill left behind is repaired
// before it starts (s3-repair.ts).
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { S3Client } from '@aws-sdk/client-s3';
import { PUBLIC_PAGE } from '../shared/stack/index.ts';
import type { BucketRole } from '../shared/stack/index.ts';
import { createLocalS3Client } from './contract.ts';
import { PortInUseError } from './errors.ts';
import { requestProblem } from './object-keys.ts';
import type { RequestProblem } from './object-keys.ts';
import { repairStore } from './s3-repair.ts';
import type { StoreRepair } from './s3-repair.ts';
import { createGuardedStore, ObjectFile } from './s3-store.ts';
import type { GuardedStore } from './s3-store.ts';
import { CONTROL_PREFIX } from './settings.ts';

/** The notification s3rver emits after each write (keys raw, not URL-encoded). */
interface S3rverRecord {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } };
}
interface S3rverEvent {
  Records: S3rverRecord[];
}

// s3rver ships no types; this is the slice of its API used here.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3rverEvent) => void): void;
  httpServer?: Server;
  /** The store every request goes through (replaced by the guarded one before run()). */
  store: unknown;
  context: { store: unknown };
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs?: string[] }[];
}) => S3rverInstance;

type ControlHandler = (req: IncomingMessage, res: ServerResponse) => void;

interface S3ServerOptions {
  host: string;
  port: number;
  directory: string;
  buckets: Readonly<Record<BucketRole, string>>;
}

interface S3Server {
  endpoint: string;
  port: number;
  /** A client configured the way s3rver needs (path style, checksums only when required). */
  client: S3Client;
  onEvent: (listener: (event: S3rverEvent) => void) => void;
  /** Serves requests under CONTROL_PREFIX; everything else goes to S3. */
  setControl: (handler: ControlHandler) => void;
  /**
   * Serves the requests `matches` accepts before S3 sees them (the portal's page, API and
   * identity provider; browser uploads to the uploads bucket). Checked in the order added.
   */
  addRoute: (matches: (req: IncomingMessage) => boolean, handler: ControlHandler) => void;
  /** What was found broken in the store's folder at start, and put right. */
  repairs: readonly StoreRepair[];
  /**
   * The stored object's ETag (its MD5) and when it was written (its file's time, to the
   * millisecond), or null when there is none. An upload's event carries these, so the same
   * object always gets the same submission id, whether delivered live or after a restart.
   */
  stamp: (bucket: string, key: string) => ObjectStamp | null;
  close: () => Promise<void>;
}

interface ObjectStamp {
  etag: string;
  modified: Date;
}

const WEBSITE_CONFIG = `<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexDocument><Suffix>${PUBLIC_PAGE}</Suffix></IndexDocument>
</WebsiteConfiguration>`;

const CORS_CONFIG = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
  </CORSRule>
</CORSConfiguration>`;

const require = createRequire(import.meta.url);
const S3Error = require('s3rver/lib/models/error') as new (code: string, message: string, detail?: Record<string, string>) => Error & { toXML: () => string };

const isAddressInUse = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'EADDRINUSE';

// s3rver's run() never settles when the port is taken (the listen error is only emitted), so
// the port is tried first. Another process could still take it in between: a narrow race.
const checkPortFree = (host: string, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(isAddressInUse(error) ? new PortInUseError(host, port, { cause: error }) : error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });

/** Answers a request the local S3 must not serve as S3 answers it: status, XML error body. */
const refuse = (req: IncomingMessage, res: ServerResponse, problem: RequestProblem): void => {
  const body = new S3Error(problem.code, problem.message).toXML();
  // The body the client may still be sending is read and dropped, then the connection closed.
  req.resume();
  res.writeHead(problem.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
};

const startS3Server = async ({ host, port, directory, buckets }: S3ServerOptions): Promise<S3Server> => {
  if (port !== 0) await checkPortFree(host, port);
  const repairs = await repairStore(directory);
  const S3rver = require('s3rver') as S3rverConstructor;
  const server = new S3rver({
    address: host,
    port,
    silent: true,
    directory,
    configureBuckets: [
      { name: buckets.uploads },
      { name: buckets.data },
      { name: buckets.public, configs: [WEBSITE_CONFIG, CORS_CONFIG] },
    ],
  });
  const store: GuardedStore = createGuardedStore(directory);
  server.store = store;
  server.context.store = store;
  const address = await server.run();
  const endpoint = `http://${host}:${address.port}`;
  const client = createLocalS3Client(endpoint);

  let control: ControlHandler | null = null;
  const routes: { matches: (req: IncomingMessage) => boolean; handler: ControlHandler }[] = [];
  const http = server.httpServer;
  if (http) {
    // Put the control routes in front of s3rver's own request listener.
    const s3Listeners = http.listeners('request') as ControlHandler[];
    http.removeAllListeners('request');
    http.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const route = routes.find((r) => r.matches(req));
      if (control && req.url?.startsWith(CONTROL_PREFIX)) control(req, res);
      else if (route) route.handler(req, res);
      else {
        const problem = requestProblem(req.url ?? '');
        if (problem) refuse(req, res, problem);
        else for (const l of s3Listeners) l(req, res);
      }
    });
  }

  return {
    endpoint,
    port: address.port,
    client,
    onEvent: (listener) => server.on('event', listener),
    setControl: (handler) => {
      control = handler;
    },
    addRoute: (matches, handler) => {
      routes.push({ matches, handler });
    },
    repairs,
    // Synchronous (two small reads), so an event is stamped in the very turn s3rver emits it.
    stamp: (bucket, key) => {
      try {
        const modified = statSync(store.getResourcePath(bucket, key, ObjectFile.object)).mtime;
        const etag = readFileSync(store.getResourcePath(bucket, key, ObjectFile.md5), 'utf8').trim();
        return { etag, modified };
      } catch (error) {
        if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return null;
        throw error;
      }
    },
    close: async () => {
      client.destroy();
      const closing = server.close();
      // Browsers keep idle connections open; drop them so shutdown does not wait on them.
      http?.closeIdleConnections();
      await closing;
    },
  };
};

export { startS3Server };
export type { S3Server, S3ServerOptions, S3rverEvent, S3rverRecord, ControlHandler, ObjectStamp };
