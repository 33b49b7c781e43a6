// At-least-once, out-of-order delivery on the local cloud: 32 uploads at once end in one
// latest release holding all of them; a duplicate event publishes nothing new; an older upload
// processed after a newer one does not replace the newer figures.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSamples } from '../../cli/clients/demo.ts';
import type { AwsS3Event } from '../../local/index.ts';
import { SAMPLES_DIR } from '../../local/index.ts';
import { ReceiptSchema } from '../../shared/model/index.ts';
import type { Receipt } from '../../shared/model/index.ts';
import { BucketRole, uploadsKeys } from '../../shared/storage/index.ts';
import { s3Event } from '../helpers/events.ts';
import { gdpOf, latestDataset, norwayWithGdp2014, putObject, releases, startTestCloud } from './helpers/cloud.ts';
import type { TestCloud } from './helpers/cloud.ts';

const receiptsOf = async (t: TestCloud, iso3: string): Promise<Receipt[]> => {
  const out: Receipt[] = [];
  for (const o of await t.cloud.storage.list(BucketRole.uploads, uploadsKeys.receiptsPrefix(iso3))) {
    if (!o.key.endsWith('.json')) continue;
    const obj = await t.cloud.storage.get(BucketRole.uploads, o.key);
    if (obj) out.push(ReceiptSchema.parse(JSON.parse(obj.body.toString('utf8'))));
  }
  return out;
};

describe('delivery on the local cloud', () => {
  let t: TestCloud;

  beforeAll(async () => {
    t = await startTestCloud();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('ends 32 simultaneous uploads in a latest release that holds every one of them', async () => {
    // Prepare: the 31 samples, and a second Norwegian submission with another 2014 GDP.
    const samples = await listSamples(SAMPLES_DIR);
    const uploads: { key: string; body: Buffer }[] = await Promise.all(
      samples.map(async (s) => ({ key: uploadsKeys.submission(s.ally, s.fileName), body: await readFile(s.path) })),
    );
    uploads.push({ key: uploadsKeys.submission('NOR', 'NOR-revised.csv'), body: await norwayWithGdp2014(SAMPLES_DIR, 3_200_000) });
    // Act
    await Promise.all(uploads.map((u) => putObject(t.cloud, u.key, u.body)));
    await t.cloud.idle();
    // Assess: one receipt per upload, every ally in the release, each figure from its latest upload.
    const receipts = (await Promise.all([...new Set(samples.map((s) => s.ally))].map((a) => receiptsOf(t, a)))).flat();
    expect(receipts.map((r) => r.source?.key).sort()).toEqual(uploads.map((u) => u.key).sort());
    const dataset = await latestDataset(t.cloud);
    const withFigures = dataset.allies.filter((a) => a.years.length > 0).map((a) => a.iso3);
    expect(withFigures.sort()).toEqual([...new Set(samples.map((s) => s.ally))].sort());
    const norway = receipts.filter((r) => r.ally === 'NOR' && r.status !== 'rejected').sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
    expect(norway).toHaveLength(2);
    const newest = norway.at(-1);
    expect(dataset.allies.find((a) => a.iso3 === 'NOR')?.years.find((y) => y.year === 2014)?.source?.submissionId).toBe(newest?.submissionId);
    const releasedSubmissions = new Set(dataset.allies.flatMap((a) => a.years.map((y) => y.source?.submissionId)));
    const accepted = receipts.filter((r) => r.status !== 'rejected' && !(r.ally === 'NOR' && r.submissionId !== newest?.submissionId));
    for (const r of accepted) expect(releasedSubmissions.has(r.submissionId), r.source?.key).toBe(true);
  }, 240_000);

  it('publishes nothing new when the same upload event is delivered twice, or again later', async () => {
    // Prepare
    const before = (await releases(t.cloud)).releases.length;
    let delivered: AwsS3Event[] = [];
    t.cloud.holdUploads();
    await putObject(t.cloud, uploadsKeys.submission('NOR', 'NOR-dup.csv'), await norwayWithGdp2014(SAMPLES_DIR, 3_300_000));
    // Act
    await t.cloud.releaseUploads((events) => (delivered = [...events, ...events]));
    await t.cloud.idle();
    const afterTwice = (await releases(t.cloud)).releases.length;
    for (const e of delivered) await t.cloud.deliverS3Event(e);
    await t.cloud.idle();
    // Assess
    expect(delivered).toHaveLength(2);
    expect(afterTwice).toBe(before + 1);
    expect((await releases(t.cloud)).releases).toHaveLength(before + 1);
    expect((await receiptsOf(t, 'NOR')).filter((r) => r.source?.key === 'submissions/NOR/NOR-dup.csv')).toHaveLength(1);
    expect(gdpOf(await latestDataset(t.cloud), 'NOR', 2014)).toBe(3_300_000);
  });

  it('publishes nothing new when a publish request is delivered again', async () => {
    // Prepare
    const before = await releases(t.cloud);
    const linesBefore = t.lines.length;
    // Act
    await t.cloud.requestPublish({ reason: 'upload', ally: 'NOR', submissionId: 'redelivered', key: 'submissions/NOR/NOR-dup.csv' });
    await t.cloud.idle();
    // Assess
    expect((await releases(t.cloud)).releases).toEqual(before.releases);
    expect(t.lines.slice(linesBefore).some((l) => l.includes(`nothing new: release ${before.releases.at(-1)?.number} unchanged`))).toBe(true);
  });

  it('keeps the newer figures when an older upload is processed after a newer one', async () => {
    // Prepare: two uploads, the older one's event delivered last.
    t.cloud.holdUploads();
    await putObject(t.cloud, uploadsKeys.submission('NOR', 'NOR-older.csv'), await norwayWithGdp2014(SAMPLES_DIR, 3_400_000));
    await new Promise((r) => setTimeout(r, 20));
    await putObject(t.cloud, uploadsKeys.submission('NOR', 'NOR-newer.csv'), await norwayWithGdp2014(SAMPLES_DIR, 3_500_000));
    // Act
    await t.cloud.releaseUploads((events) => [...events].reverse());
    await t.cloud.idle();
    // Assess
    const receipts = await receiptsOf(t, 'NOR');
    expect(receipts.some((r) => r.source?.key === 'submissions/NOR/NOR-older.csv')).toBe(true);
    expect(gdpOf(await latestDataset(t.cloud), 'NOR', 2014)).toBe(3_500_000);
  });
});

describe('a publish that keeps failing on the local cloud', () => {
  let t: TestCloud;

  beforeAll(async () => {
    t = await startTestCloud({
      delivery: { batchWindowMs: 20, maxReceiveCount: 3, retryBaseMs: 20 },
      publish: async () => {
        throw new Error('injected fault: public bucket unavailable');
      },
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('ends in the dead-letter list after its retries, and the upload keeps its receipt', async () => {
    // Prepare
    const key = uploadsKeys.submission('NOR', 'NOR-norway.csv');
    // Act
    await putObject(t.cloud, key, await readFile(`${SAMPLES_DIR}/NOR-norway.csv`));
    await t.cloud.idle();
    // Assess
    const letters = await t.cloud.deadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ source: 'publish', attempts: 3 });
    expect(letters[0]?.error).toContain('injected fault');
    expect(JSON.parse(String(letters[0]?.payload))).toMatchObject({ reason: 'upload', ally: 'NOR', key });
    expect(t.lines.filter((l) => / retry +publish request/.test(l))).toHaveLength(2);
    expect(t.lines.some((l) => l.includes('dead letter') && l.includes(t.cloud.deadLetterFile))).toBe(true);
    expect((await receiptsOf(t, 'NOR')).map((r) => r.source?.key)).toEqual([key]);
    expect((await releases(t.cloud)).releases).toHaveLength(0);
    expect((await t.cloud.status()).deadLetters).toBe(1);
  });

  it('answers an upload outside any ally folder with a refusal under receipts/_unfiled/, parking nothing', async () => {
    // Prepare
    const key = 'submissions/loose file.xlsx';
    const before = (await t.cloud.deadLetters()).length;
    // Act
    await putObject(t.cloud, key, await readFile(`${SAMPLES_DIR}/DEU-germany.xlsx`));
    await t.cloud.idle();
    // Assess
    expect((await receiptsOf(t, '_unfiled')).map((r) => [r.status, r.source?.key, r.findings.map((f) => f.code)])).toEqual([['rejected', key, ['upload-not-filed']]]);
    expect(await t.cloud.deadLetters()).toHaveLength(before);
  });

  it('parks an upload no receipt can be written for (its object gone before it was read) after its attempts, its key escaped', async () => {
    // Prepare: the notification of an object that is no longer there, under a name with a line break.
    const key = 'submissions/EST/gone\nfile.xlsx';
    const event = s3Event(t.cloud.buckets.uploads, [{ key, size: 10 }]) as AwsS3Event;
    // Act
    await t.cloud.deliverS3Event(event);
    // Assess
    const letters = (await t.cloud.deadLetters()).filter((l) => l.source === 'ingest');
    expect(letters).toHaveLength(1);
    expect(letters[0]?.attempts).toBe(3);
    expect(letters[0]?.error).toContain('"submissions/EST/gone\\nfile.xlsx"');
    expect(letters[0]?.payload).toMatchObject({ Records: [{ s3: { object: { key: 'submissions/EST/gone%0Afile.xlsx' } } }] });
    expect(t.lines.filter((l) => / retry +upload submissions\/EST\/gone%0Afile\.xlsx/.test(l))).toHaveLength(2);
  });
});
