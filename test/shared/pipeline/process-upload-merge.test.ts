// processUpload against the ally's earlier submissions and against odd keys: an identical
// re-upload changes nothing and says so, a downgrade from actual is a warning, a late upload
// is told which years a newer one keeps, every key under submissions/ gets a receipt, and a
// crash at any write leaves no receipt promising figures that are not stored.
import { describe, expect, it } from 'vitest';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import type { Receipt } from '../../../shared/model/index.ts';
import { CurrentFiguresSchema, processUpload, publish, StoredSubmissionSchema } from '../../../shared/pipeline/index.ts';
import type { CurrentFigures } from '../../../shared/pipeline/index.ts';
import { createMemoryStorage } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { publishInput } from '../../helpers/publish-fixtures.ts';
import { submissionWorkbook } from '../../helpers/submission-workbooks.ts';
import type { YearFigures } from '../../helpers/submission-workbooks.ts';
import { workbookOf } from '../../helpers/workbooks.ts';

const NOW = new Date('2026-11-27T03:00:00.000Z');

const poland = (years: readonly YearFigures[]) => submissionWorkbook('Poland', 'PLN', years);
const ACTUALS: YearFigures[] = [
  { year: 2024, gdp: 3_600_000, core: 150_000, security: 20_000 },
  { year: 2025, gdp: 3_800_000, core: 170_000, security: 25_000 },
];

const uploadAt = async (storage: Storage, key: string, bytes: Buffer, uploadedAt: string) => {
  await storage.put('uploads', key, bytes);
  const outcome = await processUpload({ storage, key, uploadedAt, rules: HAGUE_2025, now: NOW });
  if (!outcome.receipt) throw new Error(`no receipt for ${key}: ${outcome.ignored}`);
  return outcome.receipt;
};

const currentOf = async (storage: Storage, ally: string): Promise<CurrentFigures> =>
  CurrentFiguresSchema.parse(JSON.parse((await storage.get('data', `current/${ally}.json`))?.body.toString('utf8') ?? 'null'));

const codes = (receipt: Receipt) => receipt.findings.map((f) => f.code);

describe('processUpload against earlier submissions', () => {
  it('says an identical re-upload duplicates the first submission, keeps that submission named, and a publish then writes nothing', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const bytes = await poland(ACTUALS);
    const first = await uploadAt(storage, 'submissions/POL/poland.xlsx', bytes, '2026-03-01T10:00:00Z');
    const published = await publish(publishInput(storage));
    // Act
    const again = await uploadAt(storage, 'submissions/POL/poland (copy).xlsx', bytes, '2026-03-05T10:00:00Z');
    const republished = await publish(publishInput(storage, { now: new Date('2026-11-28T00:00:00Z') }));
    // Assess
    expect(again.status).toBe('accepted');
    expect(again.findings.map((f) => [f.code, f.severity, f.params?.duplicateOf])).toEqual([['identical-upload', 'info', first.submissionId]]);
    expect(again.findings[0]?.message).toContain(first.submissionId);
    const current = await currentOf(storage, 'POL');
    expect(current.years.map((y) => [y.year, y.figure.provenance.submissionId, y.history.map((h) => [h.submissionId, h.repeats.map((r) => r.submissionId)])])).toEqual([
      [2024, first.submissionId, [[first.submissionId, [again.submissionId]]]],
      [2025, first.submissionId, [[first.submissionId, [again.submissionId]]]],
    ]);
    expect(current.submissions.map((s) => s.submissionId)).toEqual([first.submissionId, again.submissionId]);
    expect(published.published).toBe(true);
    expect(republished).toMatchObject({ published: false, release: published.release, written: [] });
    // Both stay archived: the archive keeps every accepted upload.
    expect((await storage.list('data', 'submissions/POL/')).length).toBe(2);
  });

  it('lets identical bytes uploaded after different figures win again, without calling them a duplicate', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const a = await poland(ACTUALS);
    const b = await poland(ACTUALS.map((y) => ({ ...y, core: y.core + 1_000 })));
    await uploadAt(storage, 'submissions/POL/a.xlsx', a, '2026-03-01T10:00:00Z');
    await uploadAt(storage, 'submissions/POL/b.xlsx', b, '2026-03-02T10:00:00Z');
    // Act
    const restored = await uploadAt(storage, 'submissions/POL/a again.xlsx', a, '2026-03-03T10:00:00Z');
    // Assess
    expect(codes(restored)).toEqual([]);
    expect((await currentOf(storage, 'POL')).years.map((y) => [y.figure.core.total, y.figure.provenance.submissionId])).toEqual([
      [150_000, restored.submissionId],
      [170_000, restored.submissionId],
    ]);
  });

  it('warns, with the year and the submission replaced, when an upload replaces an actual by a plan or an estimate', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const first = await uploadAt(storage, 'submissions/POL/actuals.xlsx', await poland(ACTUALS), '2025-03-01T10:00:00Z');
    const softer = await poland([
      { year: 2024, status: 'estimate', gdp: 3_600_000, core: 151_000, security: 20_000 },
      { year: 2025, status: 'actual', gdp: 3_800_000, core: 171_000, security: 25_000 },
    ]);
    // Act
    const receipt = await uploadAt(storage, 'submissions/POL/softer.xlsx', softer, '2025-03-02T10:00:00Z');
    // Assess
    expect(receipt.status).toBe('accepted_with_warnings');
    const downgrade = receipt.findings.filter((f) => f.code === 'status-downgrade');
    expect(downgrade.map((f) => [f.severity, f.year, f.sheet, f.cell, f.params])).toEqual([
      ['warning', 2024, 'Data', 'B5', { status: 'estimate', replaced: first.submissionId, replacedStatus: 'actual' }],
    ]);
    expect(downgrade[0]?.message).toMatch(/^For 2024 \(Data!B5\), this upload's "estimate" figures replace the "actual" figures of submission /);
  });

  it('tells a late upload which years a newer submission keeps, and keeps them', async () => {
    // Prepare: the newer upload is processed first, as a delayed event would make it.
    const storage = createMemoryStorage();
    const newer = await uploadAt(storage, 'submissions/POL/newer.xlsx', await poland([ACTUALS[1] as YearFigures]), '2026-03-02T10:00:00Z');
    // Act
    const late = await uploadAt(storage, 'submissions/POL/older.xlsx', await poland(ACTUALS.map((y) => ({ ...y, core: 1 }))), '2026-03-01T10:00:00Z');
    // Assess
    expect(late.status).toBe('accepted');
    expect(late.findings.map((f) => [f.code, f.severity, f.params])).toEqual([
      ['newer-figures-kept', 'info', { newer: newer.submissionId, newerUploadedAt: '2026-03-02T10:00:00.000Z', years: '2025' }],
    ]);
    expect((await currentOf(storage, 'POL')).years.map((y) => [y.year, y.figure.core.total, y.figure.provenance.submissionId])).toEqual([
      [2024, 1, late.submissionId],
      [2025, 170_000, newer.submissionId],
    ]);
  });

  it("accepts a workbook naming no ally as the folder's ally, and its receipt says the ally was taken from the folder", async () => {
    // Prepare
    const storage = createMemoryStorage();
    const unnamed = await workbookOf([
      {
        name: 'Data',
        rows: [['Amounts in PLN million'], [], ['Year', 'Status', 'GDP', 'Core defence expenditure (total)', 'Security-related expenditure (total)'], [2025, 'actual', 3_800_000, 170_000, 25_000]],
      },
    ]);
    // Act
    const receipt = await uploadAt(storage, 'submissions/POL/unnamed.xlsx', unnamed, '2026-03-01T10:00:00Z');
    // Assess
    expect(receipt).toMatchObject({ status: 'accepted', ally: 'POL' });
    expect(receipt.findings.map((f) => [f.code, f.severity])).toContainEqual(['ally-missing', 'info']);
    expect(receipt.findings.find((f) => f.code === 'ally-missing')?.message).toMatch(/taken as POL's, the ally it was uploaded under/);
  });
});

describe('processUpload of keys that cannot be filed', () => {
  const ODD: { key: string; folder: string; code: string; ally: string | null }[] = [
    { key: 'submissions/estonia.xlsx', folder: '_unfiled', code: 'upload-not-filed', ally: null },
    { key: 'submissions/ESTO/estonia.xlsx', folder: '_unfiled', code: 'ally-not-known', ally: null },
    { key: 'submissions//estonia.xlsx', folder: '_unfiled', code: 'upload-key-unsafe', ally: null },
    { key: 'submissions/../EST/estonia.xlsx', folder: '_unfiled', code: 'upload-key-unsafe', ally: null },
    { key: 'submissions/EST/../LVA/estonia.xlsx', folder: 'EST', code: 'upload-key-unsafe', ally: 'EST' },
    { key: 'submissions/EST/esto\nnia.xlsx', folder: 'EST', code: 'upload-key-unsafe', ally: 'EST' },
    { key: 'submissions/E\u001bST/x.xlsx', folder: '_unfiled', code: 'upload-key-unsafe', ally: null },
  ];

  it.each(ODD)('refuses $key with $code under receipts/$folder/, reading and storing nothing', async ({ key, folder, code, ally }) => {
    // Prepare
    const inner = createMemoryStorage();
    await inner.put('uploads', key, await submissionWorkbook('Estonia', 'EUR', [{ year: 2025, gdp: 40_000, core: 1_300, security: 200 }]));
    let downloads = 0;
    const storage: Storage = { ...inner, get: (b, k) => ((downloads += b === 'uploads' ? 1 : 0), inner.get(b, k)) };
    // Act
    const outcome = await processUpload({ storage, key, uploadedAt: '2026-03-01T10:00:00Z', rules: HAGUE_2025, now: NOW });
    // Assess
    const receipt = outcome.receipt;
    expect(receipt).toMatchObject({ status: 'rejected', ally, records: [], source: { key } });
    expect(receipt?.findings.map((f) => [f.code, f.severity])).toEqual([[code, 'error']]);
    // eslint-disable-next-line no-control-regex -- the point: no raw control character gets through
    expect(receipt?.findings[0]?.message).not.toMatch(/[\u0000-\u001f]/);
    const id = receipt?.submissionId ?? '';
    expect((await storage.list('uploads', 'receipts/')).map((o) => o.key)).toEqual([`receipts/${folder}/${id}.json`, `receipts/${folder}/${id}.xlsx`]);
    expect((await storage.list('data', '')).map((o) => o.key)).toEqual([`receipts/${folder}/${id}.json`]);
    expect(downloads).toBe(0);
    // A redelivery finds the receipt.
    expect((await processUpload({ storage, key, uploadedAt: '2026-03-01T10:00:00Z', rules: HAGUE_2025, now: NOW })).duplicate).toBe(true);
  });

  it('words the refusal of a key with a line break with the key escaped, in English and French', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const key = 'submissions/EST/a\nb.xlsx';
    await storage.put('uploads', key, 'x');
    // Act
    const outcome = await processUpload({ storage, key, uploadedAt: '2026-03-01T10:00:00Z', rules: HAGUE_2025, now: NOW });
    // Assess
    expect(outcome.receipt?.findings[0]?.message).toBe(
      'The file was uploaded as "submissions/EST/a\\nb.xlsx", a name that contains a control character (such as a line break), so it cannot be filed safely. Upload it again under submissions/<ISO3>/ with a plain file name.',
    );
  });
});

describe('processUpload interrupted at each write', () => {
  /** A store whose `failAt`-th put (1-based) throws, as a crash or a network failure would. */
  const failingAt = (inner: Storage, failAt: number): Storage => {
    let puts = 0;
    return {
      ...inner,
      put: async (bucket, key, body, options) => {
        puts += 1;
        if (puts === failAt) throw new Error(`injected failure at put ${failAt} (${bucket}:${key})`);
        await inner.put(bucket, key, body, options);
      },
    };
  };

  const receiptsIn = async (storage: Storage, bucket: 'uploads' | 'data'): Promise<Receipt[]> => {
    const out: Receipt[] = [];
    for (const o of await storage.list(bucket, 'receipts/POL/')) {
      if (!o.key.endsWith('.json')) continue;
      out.push(JSON.parse((await storage.get(bucket, o.key))?.body.toString('utf8') ?? '') as Receipt);
    }
    return out;
  };

  /** No receipt says accepted unless its submission is archived and in the ally's current figures. */
  const expectNoHollowReceipt = async (storage: Storage): Promise<void> => {
    const current = (await storage.get('data', 'current/POL.json'))?.body.toString('utf8');
    for (const r of [...(await receiptsIn(storage, 'uploads')), ...(await receiptsIn(storage, 'data'))]) {
      if (r.status === 'rejected') continue;
      const archived = await storage.get('data', `submissions/POL/${r.submissionId}.json`);
      expect(archived && StoredSubmissionSchema.parse(JSON.parse(archived.body.toString('utf8'))).submissionId).toBe(r.submissionId);
      expect(current && CurrentFiguresSchema.parse(JSON.parse(current)).submissions.map((s) => s.submissionId)).toContain(r.submissionId);
    }
  };

  it('never leaves a receipt for figures not stored, and the retry ends as an uninterrupted run does', async () => {
    // Prepare: an earlier submission, so the upload below replaces an actual (a merge finding).
    const bytes = await poland([{ year: 2025, status: 'estimate', gdp: 3_800_000, core: 171_000, security: 25_000 }]);
    const earlier = await poland(ACTUALS);
    const seeded = async (): Promise<Storage> => {
      const s = createMemoryStorage();
      await uploadAt(s, 'submissions/POL/earlier.xlsx', earlier, '2026-03-01T10:00:00Z');
      await s.put('uploads', 'submissions/POL/later.xlsx', bytes);
      return s;
    };
    const input = { key: 'submissions/POL/later.xlsx', uploadedAt: '2026-03-02T10:00:00Z', rules: HAGUE_2025, now: NOW };
    const clean = await seeded();
    const expected = await processUpload({ ...input, storage: clean });
    const writes = 5; // archive, current figures, annotated copy, receipt, private receipt
    expect(codes(expected.receipt as Receipt)).toEqual(['status-downgrade']);
    for (let failAt = 1; failAt <= writes; failAt += 1) {
      const inner = await seeded();
      // Act
      await expect(processUpload({ ...input, storage: failingAt(inner, failAt) })).rejects.toThrow(/injected failure/);
      await expectNoHollowReceipt(inner);
      const retried = await processUpload({ ...input, storage: inner });
      // Assess
      expect(retried).toEqual(expected);
      expect(await currentOf(inner, 'POL')).toEqual(await currentOf(clean, 'POL'));
      expect((await inner.list('uploads', 'receipts/')).map((o) => o.key)).toEqual((await clean.list('uploads', 'receipts/')).map((o) => o.key));
    }
  });
});
