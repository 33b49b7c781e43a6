// Every object created under submissions/ reaches ingest, whatever its name, and the guard
// answers it: a .pdf or .xlsb gets a receipt saying what to upload instead, a .Csv is read as
// CSV, a name ending in a space is read by its extension. The local cloud delivers by the stack
// contract's trigger rule, the same rule the stack's notification is built from.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../local/index.ts';
import { DEFAULT_LIMITS, guardUpload } from '../../shared/ingest/index.ts';
import { ReceiptSchema } from '../../shared/model/index.ts';
import type { Receipt } from '../../shared/model/index.ts';
import { BucketRole, uploadsKeys } from '../../shared/storage/index.ts';
import { submissionWorkbook } from '../helpers/submission-workbooks.ts';
import { latestDataset, putObject, startTestCloud } from './helpers/cloud.ts';
import type { TestCloud } from './helpers/cloud.ts';

const receiptsByKey = async (t: TestCloud, iso3: string): Promise<Map<string, Receipt>> => {
  const out = new Map<string, Receipt>();
  for (const o of await t.cloud.storage.list(BucketRole.uploads, uploadsKeys.receiptsPrefix(iso3))) {
    if (!o.key.endsWith('.json')) continue;
    const obj = await t.cloud.storage.get(BucketRole.uploads, o.key);
    const receipt = ReceiptSchema.parse(JSON.parse(obj?.body.toString('utf8') ?? ''));
    if (receipt.source) out.set(receipt.source.key, receipt);
  }
  return out;
};

/** What the guard alone says of these bytes under this name: the receipt must say the same. */
const guardSays = async (bytes: Buffer, fileName: string) => {
  const result = await guardUpload(bytes, fileName, DEFAULT_LIMITS);
  return result.ok ? [] : result.findings.map((f) => ({ code: f.code, message: f.message }));
};

describe('uploads with odd names on the local cloud', () => {
  let t: TestCloud;
  const uploads: { ally: string; name: string; body: Buffer }[] = [];

  beforeAll(async () => {
    t = await startTestCloud();
    uploads.push(
      { ally: 'EST', name: 'figures.pdf', body: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n') },
      { ally: 'EST', name: 'figures.xlsb', body: Buffer.from('PK\u0003\u0004 a binary workbook') },
      // 0x81 is text in no encoding a CSV is read in.
      { ally: 'EST', name: 'undecodable.Csv', body: Buffer.from([...Buffer.from('Year,GDP\n2025,'), 0x81, 0x0a]) },
      { ally: 'NOR', name: 'Norway 2026.Csv', body: await readFile(join(SAMPLES_DIR, 'NOR-norway.csv')) },
      {
        ally: 'EST',
        name: 'Estonia 2026.xlsx ',
        body: await submissionWorkbook('Estonia', 'EUR', [{ year: 2025, status: 'estimate', gdp: 40_000, core: 1_300, security: 200 }]),
      },
    );
    for (const u of uploads) await putObject(t.cloud, uploadsKeys.submission(u.ally, u.name), u.body);
    // What the S3 console's "Create folder" writes: it fires the notification too.
    await putObject(t.cloud, uploadsKeys.submission('EST', ''), Buffer.alloc(0));
    await t.cloud.idle();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('answers every one of them with a receipt, and parks nothing as a dead letter', async () => {
    // Act
    const receipts = new Map([...(await receiptsByKey(t, 'EST')), ...(await receiptsByKey(t, 'NOR'))]);
    // Assess
    expect([...receipts.keys()].sort()).toEqual(uploads.map((u) => uploadsKeys.submission(u.ally, u.name)).sort());
    expect(await t.cloud.deadLetters()).toEqual([]);
  });

  it('refuses a .pdf, a .xlsb and an undecodable .Csv with the guard\'s own finding and hint', async () => {
    // Prepare
    const receipts = await receiptsByKey(t, 'EST');
    const refused = uploads.filter((u) => !/ $|\.Csv$/.test(u.name) || u.name === 'undecodable.Csv');
    // Act
    const answered = refused.map((u) => {
      const r = receipts.get(uploadsKeys.submission(u.ally, u.name));
      return { name: u.name, status: r?.status, findings: r?.findings.map((f) => ({ code: f.code, message: f.message })) };
    });
    // Assess
    expect(answered.map((a) => a.name)).toEqual(['figures.pdf', 'figures.xlsb', 'undecodable.Csv']);
    for (const [i, a] of answered.entries()) {
      const u = refused[i];
      expect(a, a.name).toEqual({ name: a.name, status: 'rejected', findings: u ? await guardSays(u.body, u.name) : [] });
    }
    expect(answered.map((a) => a.findings?.[0]?.code)).toEqual(['unsupported-type', 'unsupported-type', 'csv-not-text']);
    expect(answered[0]?.findings?.[0]?.message).toContain('upload the workbook the PDF was made from');
    expect(answered[1]?.findings?.[0]?.message).toContain('Save As');
    expect(answered[2]?.findings?.[0]?.message).toContain('CSV UTF-8');
  });

  it('reads a .Csv as CSV and a name ending in a space by its extension, and publishes both', async () => {
    // Act
    const norway = (await receiptsByKey(t, 'NOR')).get(uploadsKeys.submission('NOR', 'Norway 2026.Csv'));
    const estonia = (await receiptsByKey(t, 'EST')).get(uploadsKeys.submission('EST', 'Estonia 2026.xlsx '));
    const dataset = await latestDataset(t.cloud);
    // Assess
    expect([norway?.status, estonia?.status]).toEqual([expect.stringMatching(/^accepted/), expect.stringMatching(/^accepted/)]);
    expect(estonia?.file).toBe('Estonia 2026.xlsx ');
    const sources = dataset.allies.flatMap((a) => a.years.map((y) => y.source?.submissionId));
    expect(sources).toEqual(expect.arrayContaining([norway?.submissionId, estonia?.submissionId]));
  });
});
