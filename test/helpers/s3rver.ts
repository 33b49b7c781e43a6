// Starts s3rver (an S3-compatible server) on loopback with a random free port and a fresh
// temp folder, creates the buckets, and hands back a client configured the way s3rver needs.
// Shared by every test that talks S3 without AWS. It keeps its files through the local cloud's
// guarded store: s3rver's own answers a PUT before the object's file is fully written, so a GET
// right after it could read a short or empty object on a busy machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { createGuardedStore } from '../../local/index.ts';

/** The S3-shaped notification s3rver emits after a write (keys raw, not URL-encoded). */
interface S3rverEvent {
  Records: {
    eventName: string;
    eventTime: string;
    s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
  }[];
}

// s3rver ships no types; this is the slice of its API the helper uses.
interface S3rverInstance {
  store: unknown;
  context: { store: unknown };
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3rverEvent) => void): void;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;

interface S3rverHandle {
  client: S3Client;
  endpoint: string;
  /** Subscribe to the notifications s3rver emits on each put/copy/delete. */
  onEvent: (listener: (event: S3rverEvent) => void) => void;
  /** Stops the server, destroys the client and removes the temp folder. */
  stop: () => Promise<void>;
}

const require = createRequire(import.meta.url);

const startS3rver = async (buckets: readonly string[]): Promise<S3rverHandle> => {
  const S3rver = require('s3rver') as S3rverConstructor;
  const directory = await mkdtemp(join(tmpdir(), 'dualtrack-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const store = createGuardedStore(directory);
  server.store = store;
  server.context.store = store;
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver predates the SDK's default CRC checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    client,
    endpoint,
    onEvent: (listener) => server.on('event', listener),
    stop: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
};

export { startS3rver };
export type { S3rverHandle, S3rverEvent };
