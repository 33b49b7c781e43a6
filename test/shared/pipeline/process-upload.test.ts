import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { processUpload, StoredSubmissionSchema } from '../../../shared/pipeline/index.ts';
import { createMemoryStorage } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { recordingStorage } from '../../helpers/recording-storage.ts';
import { submissionWorkbook } from '../../helpers/submission-workbooks.ts';

const NOW = new Date('2026-11-27T03:00:00.000Z');
const KEY = 'submissions/POL/poland 2025.xlsx';

const polandWorkbook = () =>
  submissionWorkbook('Poland', 'PLN', [
    { year: 2024, gdp: 3_600_000, core: 150_000, security: 20_000 },
    { year: 2025, status: 'estimate', gdp: 3_800_000, core: 170_000, security: 25_000 },
  ]);

const upload = async (storage: Storage, key: string, bytes: Buffer, uploadedAt = '2026-03-01T10:00:00Z') => {
  await storage.put('uploads', key, bytes);
  return { storage, key, uploadedAt, rules: HAGUE_2025, now: NOW, bytes };
};

describe('processUpload', () => {
  it('accepts a good upload: archived, added to the current figures, and only then receipted (uploads, then the private copy)', async () => {
    // Prepare
    const inner = createMemoryStorage();
    const input = await upload(inner, KEY, await polandWorkbook());
    const { storage, writes } = recordingStorage(inner);
    // Act
    const { receipt, duplicate } = await processUpload({ ...input, storage });
    // Assess
    expect(duplicate).toBe(false);
    expect(receipt).toMatchObject({ status: 'accepted', ally: 'POL', file: 'poland 2025.xlsx', years: [2024, 2025], uploadedAt: '2026-03-01T10:00:00.000Z' });
    const id = receipt?.submissionId ?? '';
    expect(writes.map((w) => `${w.bucket}:${w.key}`)).toEqual([
      `data:submissions/POL/${id}.json`,
      'data:current/POL.json',
      `uploads:receipts/POL/${id}.json`,
      `data:receipts/POL/${id}.json`,
    ]);
    const stored = StoredSubmissionSchema.parse(JSON.parse((await inner.get('data', `submissions/POL/${id}.json`))?.body.toString() ?? ''));
    expect(stored).toMatchObject({ submissionId: id, ally: 'POL', key: KEY, versionId: null, receiptStatus: 'accepted', storedVersion: 2 });
    expect(stored.sha256).toBe(createHash('sha256').update(input.bytes).digest('hex'));
    expect(stored.records.map((r) => [r.year, r.status, r.core.total, r.provenance.submissionId])).toEqual([
      [2024, 'actual', 150_000, id],
      [2025, 'estimate', 170_000, id],
    ]);
  });

  it("names the uploader the portal's signed upload recorded in the object's metadata, and nobody otherwise", async () => {
    // Prepare
    const storage = createMemoryStorage();
    const bytes = await polandWorkbook();
    await storage.put('uploads', KEY, bytes, { metadata: { uploader: 'officer@mon.example', 'uploader-sub': 'sub-1' } });
    await storage.put('uploads', 'submissions/POL/by hand.xlsx', bytes);
    // Act
    const signed = await processUpload({ storage, key: KEY, uploadedAt: '2026-03-01T10:00:00Z', rules: HAGUE_2025, now: NOW });
    const byHand = await processUpload({ storage, key: 'submissions/POL/by hand.xlsx', uploadedAt: '2026-03-01T10:01:00Z', rules: HAGUE_2025, now: NOW });
    // Assess: in the answer and in the stored receipt alike
    expect(signed.receipt?.uploader).toEqual({ email: 'officer@mon.example', sub: 'sub-1' });
    const stored = JSON.parse((await storage.get('uploads', `receipts/POL/${signed.receipt?.submissionId}.json`))?.body.toString() ?? '{}') as { uploader?: unknown };
    expect(stored.uploader).toEqual({ email: 'officer@mon.example', sub: 'sub-1' });
    expect(byHand.receipt).not.toHaveProperty('uploader');
  });

  it('writes nothing the second time the same object version is processed, and returns the first receipt', async () => {
    // Prepare
    const inner = createMemoryStorage();
    const input = await upload(inner, KEY, await polandWorkbook());
    const first = await processUpload(input);
    const { storage, writes } = recordingStorage(inner);
    // Act
    const second = await processUpload({ ...input, storage, now: new Date('2026-11-28T00:00:00Z') });
    // Assess
    expect(second.duplicate).toBe(true);
    expect(second.receipt).toEqual(first.receipt);
    expect(writes).toEqual([]);
  });

  it('treats a new version of the same key as a new submission', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const first = await processUpload(await upload(storage, KEY, await polandWorkbook()));
    const changed = await submissionWorkbook('Poland', 'PLN', [{ year: 2025, gdp: 3_800_000, core: 180_000, security: 25_000 }]);
    // Act
    const second = await processUpload({ ...(await upload(storage, KEY, changed)), uploadedAt: '2026-03-02T10:00:00Z' });
    // Assess
    expect(second.duplicate).toBe(false);
    expect(second.receipt?.submissionId).not.toBe(first.receipt?.submissionId);
    expect((await storage.list('data', 'submissions/POL/')).length).toBe(2);
  });

  it('rejects figures for another ally than the folder names, stores no submission and writes an annotated copy', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const germany = await submissionWorkbook('Germany', 'EUR', [{ year: 2025, gdp: 4_300_000, core: 90_000, security: 10_000 }]);
    // Act
    const { receipt } = await processUpload(await upload(storage, 'submissions/POL/germany.xlsx', germany));
    // Assess
    expect(receipt?.status).toBe('rejected');
    expect(receipt?.counts.errors).toBeGreaterThan(0);
    const id = receipt?.submissionId ?? '';
    expect(await storage.list('data', 'submissions/')).toEqual([]);
    expect(await storage.head('uploads', `receipts/POL/${id}.xlsx`)).not.toBeNull();
    expect(await storage.head('data', `receipts/POL/${id}.json`)).not.toBeNull();
  });

  it('rejects an upload over the size limit from its size alone, without downloading it', async () => {
    // Prepare
    const inner = createMemoryStorage();
    const input = await upload(inner, KEY, Buffer.alloc(2048, 1));
    let downloads = 0;
    const storage: Storage = {
      ...inner,
      get: (bucket, key) => {
        if (bucket === 'uploads' && key === KEY) downloads += 1;
        return inner.get(bucket, key);
      },
    };
    // Act
    const { receipt } = await processUpload({ ...input, storage, limits: { maxBytes: 1024 } });
    // Assess
    expect(downloads).toBe(0);
    expect(receipt).toMatchObject({ status: 'rejected', ally: 'POL', records: [] });
    expect(receipt?.findings.map((f) => [f.code, f.found, f.expected])).toEqual([['file-too-large', '2.0 KB', '1.0 KB']]);
  });

  it('ignores a key outside submissions/<ISO3>/ with a reason, writing nothing', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    await storage.put('uploads', 'receipts/POL/x.json', '{}');
    writes.length = 0;
    // Act
    const outcome = await processUpload({ storage, key: 'receipts/POL/x.json', uploadedAt: NOW, rules: HAGUE_2025, now: NOW });
    // Assess
    expect(outcome.receipt).toBeNull();
    expect(outcome.ignored).toMatch(/not under submissions/);
    expect(writes).toEqual([]);
  });
});
