// `serve` killed with SIGKILL at several points (in the middle of a burst of uploads, of their
// checks, of a publish), then started again on the same folder: every upload that is in the
// bucket gets its receipt, every upload the client saw succeed is in the bucket, nothing is
// parked as a dead letter, and the release that follows holds the figures of every accepted
// upload. The publish side of a kill (between a release's files and its index) is
// test/e2e/serve-kill.test.ts's; this is the local cloud's own redelivery.
import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { listSamples } from '../../cli/clients/demo.ts';
import { fetchStatus } from '../../cli/clients/local-cloud.ts';
import { createLocalS3Client } from '../../local/contract.ts';
import type { Status } from '../../local/contract.ts';
import { PROJECT_ROOT, SAMPLES_DIR } from '../../local/index.ts';
import { ReceiptSchema } from '../../shared/model/index.ts';
import type { Receipt } from '../../shared/model/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import { BucketRole, createS3Storage, publicKeys, RECEIPTS_PREFIX, SUBMISSIONS_PREFIX, uploadsKeys } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { tempDirs } from '../helpers/temp.ts';
import { freePort, startChild } from './helpers/child.ts';
import type { Child } from './helpers/child.ts';

const temp = tempDirs('dualtrack-kill-');
const STARTED = /dualtrack local cloud on http/;

const serve = (dir: string, port: number): Child =>
  startChild(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'cli/main.ts', 'serve', '--port', String(port), '--dir', dir], PROJECT_ROOT);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `look` gives a value (errors count as "not yet"), or fails after `ms`. */
const eventually = async <T>(what: string, look: () => Promise<T | null>, ms: number): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const found = await look().catch(() => null);
    if (found !== null) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await sleep(200);
  }
};

const receiptsIn = async (storage: Storage): Promise<Receipt[]> => {
  const out: Receipt[] = [];
  for (const o of await storage.list(BucketRole.uploads, RECEIPTS_PREFIX)) {
    if (!o.key.endsWith('.json')) continue;
    const body = (await storage.get(BucketRole.uploads, o.key))?.body.toString('utf8');
    if (body) out.push(ReceiptSchema.parse(JSON.parse(body)));
  }
  return out;
};

/** Where the kill falls: each gets the uploads' promises and the running server. */
type KillPoint = (uploads: Promise<unknown>[], child: Child, storage: Storage) => Promise<void>;

const KILL_POINTS: [string, KillPoint][] = [
  [
    'in the middle of a burst of uploads',
    async (uploads) => {
      let acknowledged = 0;
      for (const u of uploads) void u.then(() => (acknowledged += 1), () => undefined);
      await eventually('a third of the uploads acknowledged', async () => (acknowledged >= 10 ? true : null), 120_000);
    },
  ],
  [
    'in the middle of the uploads being checked',
    async (uploads, child) => {
      await Promise.all(uploads);
      // The third receipt line `serve` prints ("12:00:03 receipt      …").
      await child.waitFor(/(?: receipt {6}[^\n]*\n[^]*?){3}/, 180_000);
    },
  ],
  [
    'in the middle of a publish',
    async (uploads, _child, storage) => {
      await Promise.all(uploads);
      await eventually('the first file of a release', async () => ((await storage.list(BucketRole.public, publicKeys.releasePrefix(1))).length > 0 ? true : null), 300_000);
    },
  ],
];

describe('serve killed and started again', () => {
  it.each(KILL_POINTS)('gives every upload its receipt and publishes its figures when killed %s', async (_where, killPoint) => {
    // Prepare
    const dir = temp.make();
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const client = createLocalS3Client(endpoint);
    const samples = await listSamples(SAMPLES_DIR);
    const first = serve(dir, port);
    let second: Child | null = null;
    try {
      await first.waitFor(STARTED, 120_000);
      const { buckets } = await fetchStatus(endpoint);
      const storage = createS3Storage({ client, buckets });
      // Act: all samples at once, and a kill at the chosen point.
      const uploads = samples.map(async (s) => {
        const key = uploadsKeys.submission(s.ally, s.fileName);
        await client.send(new PutObjectCommand({ Bucket: buckets.uploads, Key: key, Body: await readFile(s.path) }));
        return key;
      });
      await killPoint(uploads, first, storage);
      expect(await first.stop('SIGKILL', 10_000)).toBeNull();
      const acknowledged = (await Promise.allSettled(uploads)).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      second = serve(dir, port);
      await second.waitFor(STARTED, 120_000);
      // A release that is the newest and nothing left to do, seen twice in a row.
      let quiet = 0;
      await eventually(
        'the restarted cloud to finish its work',
        async () => {
          const status: Status = await fetchStatus(endpoint);
          const index = await storage.get(BucketRole.public, publicKeys.releasesIndex);
          quiet = status.pendingUploads === 0 && status.pendingPublishes === 0 && index !== null ? quiet + 1 : 0;
          return quiet >= 2 ? true : null;
        },
        300_000,
      );
      // Assess: the uploads the client saw succeed are there, and every upload there has its receipt.
      const stored = (await storage.list(BucketRole.uploads, SUBMISSIONS_PREFIX)).map((o) => o.key);
      expect(stored).toEqual(expect.arrayContaining(acknowledged));
      const receipts = await receiptsIn(storage);
      expect([...new Set(receipts.map((r) => r.source?.key))].sort()).toEqual([...stored].sort());
      expect((await fetchStatus(endpoint)).deadLetters).toBe(0);
      // Assess: the latest release holds the figures of every accepted upload.
      const latest = ComplianceDatasetSchema.parse(
        JSON.parse((await storage.get(BucketRole.public, publicKeys.latestFile(ReleaseManifest.dataset.path)))?.body.toString('utf8') ?? '{}'),
      );
      const withFigures = latest.allies.filter((a) => a.years.length > 0).map((a) => a.iso3);
      const accepted = [...new Set(receipts.filter((r) => r.status !== 'rejected').map((r) => r.ally))];
      expect(withFigures.sort()).toEqual(accepted.sort());
      expect(accepted.length).toBeGreaterThan(0);
    } finally {
      client.destroy();
      await first.stop('SIGKILL', 10_000);
      await second?.stop('SIGKILL', 10_000);
    }
  }, 900_000);
});
