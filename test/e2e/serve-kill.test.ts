// `serve` killed with SIGKILL between a release's files and releases/index.json, then started
// again on the same folder: the next upload gets its receipt and a release is published that
// holds both uploads; the index is gap-free and latest/ and the page show the new release.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchStatus } from '../../cli/clients/index.ts';
import { createLocalS3Client } from '../../local/contract.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import { BucketRole, createS3Storage, publicKeys, uploadsKeys } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { expectConsistentStore, readIndex } from '../helpers/release-invariants.ts';
import { tempDirs } from '../helpers/temp.ts';
import { startTsChild } from '../helpers/ts-child.ts';
import type { TsChild } from '../helpers/ts-child.ts';
import { freePort } from './helpers/child.ts';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const CLI = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const STALLING = fileURLToPath(new URL('./helpers/stalling-cloud.ts', import.meta.url));
const temp = tempDirs('dualtrack-serve-kill-');

/** Polls `look` until it gives a value, or fails after `ms`. */
const eventually = async <T>(what: string, look: () => Promise<T | null>, ms = 90_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const found = await look().catch(() => null);
    if (found !== null) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe('serve killed between a release folder and the index', () => {
  const children: TsChild[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) {
      c.kill('SIGKILL');
      await c.done;
    }
  });

  it('publishes on the next upload after a restart, with every upload in the release', async () => {
    // Prepare: a local cloud whose publisher stalls before the index; one upload.
    const dir = temp.make();
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const client = createLocalS3Client(endpoint);
    const stalling = startTsChild(STALLING, [dir, String(port)]);
    children.push(stalling);
    await stalling.waitForLine(/^listening on /);
    const { buckets } = await fetchStatus(endpoint);
    const storage: Storage = createS3Storage({ client, buckets, conditionalWrites: 'in-process' });
    const upload = async (ally: string, file: string) =>
      client.send(new PutObjectCommand({ Bucket: buckets.uploads, Key: uploadsKeys.submission(ally, file), Body: await readFile(join(SAMPLES, file)) }));
    await upload('EST', 'EST-estonia.xlsx');
    await stalling.waitForLine(/^stalled before the index$/);
    expect(await storage.head(BucketRole.public, publicKeys.releaseFile(1, ReleaseManifest.dataset.path))).not.toBeNull();
    expect((await readIndex(storage)).releases).toEqual([]);
    // Act: SIGKILL, start the real `serve` on the same folder and port, upload again.
    stalling.kill('SIGKILL');
    expect((await stalling.done).signal).toBe('SIGKILL');
    const serve = startTsChild(CLI, ['serve', '--dir', dir, '--port', String(port)]);
    children.push(serve);
    await serve.waitForLine(/local cloud on http/);
    await upload('LVA', 'LVA-latvia.xlsx');
    // Assess: a receipt for the new upload, then a release with both allies.
    await eventually('the receipt of the second upload', async () => {
      const listed = await storage.list(BucketRole.uploads, uploadsKeys.receiptsPrefix('LVA'));
      return listed.some((o) => o.key.endsWith('.json')) ? true : null;
    });
    const index = await eventually('a release holding both uploads', async () => {
      const current = await readIndex(storage);
      const last = current.releases.at(-1);
      if (!last) return null;
      const body = (await storage.get(BucketRole.public, publicKeys.latestFile(ReleaseManifest.dataset.path)))?.body.toString();
      const dataset = body ? ComplianceDatasetSchema.parse(JSON.parse(body)) : null;
      const allies = dataset?.allies.filter((a) => a.years.length > 0).map((a) => a.iso3) ?? [];
      return dataset?.release.number === last.number && allies.includes('EST') && allies.includes('LVA') ? current : null;
    });
    // The restarted cloud may first finish release 1 from the publish request it had journalled
    // (Estonia alone), or fold it into the release of both uploads: either way numbered from 1
    // without a gap.
    const numbers = index.releases.map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeLessThanOrEqual(2);
    await expectConsistentStore(storage);
    client.destroy();
  }, 240_000);
});
