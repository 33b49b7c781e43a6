// A start of the local cloud on the folder of an earlier one: files a killed write left behind
// are put right, so listings work; uploads with no receipt are delivered; the events say so.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { LocalCloudEvent } from '../../local/events.ts';
import { SAMPLES_DIR } from '../../local/project.ts';
import { startLocalCloud } from '../../local/runtime.ts';
import { LocalFiles } from '../../local/settings.ts';
import { BucketRole, uploadsKeys } from '../../shared/storage/index.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-restart-');
const fast = { batchWindowMs: 50, retryBaseMs: 10 };

describe('a start after an unclean stop', () => {
  it('puts right empty, stale and left-over files so every listing works again', async () => {
    // Prepare: three objects, then what a kill mid-write leaves: an empty metadata file, an MD5
    // that does not match the bytes, a scratch file and an MD5 whose object is gone.
    const dir = temp.make();
    const first = await startLocalCloud({ dir, port: 0 });
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      await first.client.send(new PutObjectCommand({ Bucket: first.buckets.data, Key: `notes/${name}`, Body: Buffer.from(`note ${name}`), ContentType: 'text/plain' }));
    }
    await first.stop();
    const bucketDir = join(dir, LocalFiles.s3, first.buckets.data, 'notes');
    await writeFile(join(bucketDir, 'a.txt._S3rver_metadata.json'), '');
    await writeFile(join(bucketDir, 'b.txt._S3rver_object'), 'note b.txt, rewritten');
    await writeFile(join(bucketDir, 'gone.txt._S3rver_object.md5'), 'ffff');
    await mkdir(join(dir, LocalFiles.s3, '.dualtrack-partial'), { recursive: true });
    await writeFile(join(dir, LocalFiles.s3, '.dualtrack-partial', 'half.part'), 'half');
    // Act
    const events: LocalCloudEvent[] = [];
    const second = await startLocalCloud({ dir, port: 0, observe: (e) => events.push(e) });
    try {
      const listed = await second.storage.list(BucketRole.data, 'notes/');
      const b = await second.storage.get(BucketRole.data, 'notes/b.txt');
      // Assess
      expect(listed.map((o) => o.key)).toEqual(['notes/a.txt', 'notes/b.txt', 'notes/c.txt']);
      expect(b?.body.toString()).toBe('note b.txt, rewritten');
      expect(b?.etag).toBe(createHash('md5').update('note b.txt, rewritten').digest('hex'));
      const repaired = events.find((e) => e.kind === 'store-repaired');
      expect(repaired?.kind === 'store-repaired' ? repaired.files.map((f) => f.replace(/^.*\//, '')).sort() : []).toEqual(
        ['a.txt._S3rver_metadata.json (metadata-removed)', 'b.txt._S3rver_object.md5 (md5-rewritten)', 'gone.txt._S3rver_object.md5 (orphan-removed)', 'half.part (scratch-removed)'].sort(),
      );
      expect(await readdir(join(dir, LocalFiles.s3, '.dualtrack-partial'))).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('delivers every upload that has no receipt, once, and publishes its figures', async () => {
    // Prepare: uploads whose events never reached ingest (held, then the cloud stopped).
    const dir = temp.make();
    const first = await startLocalCloud({ dir, port: 0, delivery: fast });
    first.holdUploads();
    const keys = [uploadsKeys.submission('NOR', 'NOR-norway.csv'), uploadsKeys.submission('EST', 'EST-estonia.xlsx')];
    for (const key of keys) {
      const file = key.split('/').pop() ?? '';
      await first.client.send(new PutObjectCommand({ Bucket: first.buckets.uploads, Key: key, Body: await readFile(join(SAMPLES_DIR, file)) }));
    }
    await first.stop();
    // Act
    const events: LocalCloudEvent[] = [];
    const second = await startLocalCloud({ dir, port: 0, delivery: fast, observe: (e) => events.push(e) });
    try {
      await second.idle();
      // Assess
      expect(events.filter((e) => e.kind === 'upload-redelivered')).toEqual(
        [...keys].sort().map((key) => ({ kind: 'upload-redelivered', key, reason: 'no-receipt' })),
      );
      const receipts = events.filter((e) => e.kind === 'receipt-written');
      expect(receipts.map((e) => (e.kind === 'receipt-written' ? [e.key, e.duplicate] : null)).sort()).toEqual(keys.map((k) => [k, false]).sort());
      expect(events.some((e) => e.kind === 'published' && e.outcome.published && e.alliesWithFigures === 2)).toBe(true);
    } finally {
      await second.stop();
    }
    // Assess: a third start finds nothing left to do.
    const later: LocalCloudEvent[] = [];
    const third = await startLocalCloud({ dir, port: 0, delivery: fast, observe: (e) => later.push(e) });
    await third.idle();
    await third.stop();
    expect(later.map((e) => e.kind)).toEqual([]);
  });
});
