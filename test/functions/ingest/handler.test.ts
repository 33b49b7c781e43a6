import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventError, PublishRequestError, RecordFailedError, createFunctionStorage } from '../../../functions/common/index.ts';
import type { ReceiptReport, PublishRequest } from '../../../functions/common/index.ts';
import { createIngestHandler } from '../../../functions/ingest/handler.ts';
import { HAGUE_2025, ReceiptSchema } from '../../../shared/model/index.ts';
import type { Receipt } from '../../../shared/model/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { s3Event, s3TestEvent } from '../../helpers/events.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';
import { submissionWorkbook } from '../../helpers/submission-workbooks.ts';
import { recordingLogger } from '../recording-logger.ts';

const BUCKETS = { uploads: 'ingest-uploads', data: 'ingest-data' };
const NOW = new Date('2026-03-02T09:16:00.000Z');

const estonia = () => submissionWorkbook('Estonia', 'EUR', [{ year: 2025, status: 'estimate', gdp: 40_000, core: 1_300, security: 200 }]);
const turkiye = () => submissionWorkbook('Türkiye', 'TRY', [{ year: 2025, status: 'estimate', gdp: 40_000_000, core: 800_000, security: 60_000 }]);

describe('the ingest handler', () => {
  let s3: S3rverHandle;
  let storage: Storage;
  let requests: PublishRequest[];
  let logs: ReturnType<typeof recordingLogger>;
  let ingest: ReturnType<typeof createIngestHandler>;

  beforeAll(async () => {
    s3 = await startS3rver([BUCKETS.uploads, BUCKETS.data]);
    storage = createFunctionStorage(s3.client, BUCKETS);
  });
  afterAll(() => s3.stop());
  beforeEach(() => {
    requests = [];
    logs = recordingLogger();
    ingest = createIngestHandler({
      storage,
      requestPublish: async (r) => {
        requests.push(r);
      },
      rules: HAGUE_2025,
      logger: logs.logger,
      now: () => NOW,
    });
  });

  /** Uploads `bytes` under `key` and returns the S3 event AWS would send for it. */
  const upload = async (key: string, bytes: Buffer, eventTime = '2026-03-02T09:15:00.000Z') => {
    await storage.put('uploads', key, bytes);
    const info = await storage.head('uploads', key);
    return s3Event(BUCKETS.uploads, [{ key, size: info?.size ?? 0, eTag: info?.etag ?? '', eventTime }]);
  };
  const receiptsOf = async (ally: string): Promise<Receipt[]> => {
    const out: Receipt[] = [];
    for (const o of await storage.list('uploads', `receipts/${ally}/`)) {
      if (!o.key.endsWith('.json')) continue;
      const obj = await storage.get('uploads', o.key);
      out.push(ReceiptSchema.parse(JSON.parse(obj?.body.toString('utf8') ?? '')));
    }
    return out;
  };

  it('decodes a key with spaces sent as + and a literal + sent as %2B, writes the receipt and asks for a publish', async () => {
    // Prepare
    const key = 'submissions/EST/budget 2026+v2 final.xlsx';
    const event = await upload(key, await estonia());
    // Act
    await ingest(event);
    // Assess
    expect(event.Records[0]?.s3.object.key).toBe('submissions/EST/budget+2026%2Bv2+final.xlsx');
    const receipts = await receiptsOf('EST');
    expect(receipts.map((r) => [r.status, r.file, r.source?.key, r.uploadedAt])).toEqual([
      ['accepted', 'budget 2026+v2 final.xlsx', key, '2026-03-02T09:15:00.000Z'],
    ]);
    expect(requests).toEqual([{ reason: 'upload', ally: 'EST', submissionId: receipts[0]?.submissionId, key }]);
    expect(await storage.head('data', `submissions/EST/${receipts[0]?.submissionId}.json`)).not.toBeNull();
  });

  it('decodes non-ASCII file names from their UTF-8 percent escapes', async () => {
    // Prepare
    const key = 'submissions/TUR/Türkiye données.xlsx';
    const event = await upload(key, await turkiye());
    // Act
    await ingest(event);
    // Assess
    expect(event.Records[0]?.s3.object.key).toBe('submissions/TUR/T%C3%BCrkiye+donn%C3%A9es.xlsx');
    const receipts = await receiptsOf('TUR');
    expect(receipts.map((r) => [r.status, r.ally, r.file])).toEqual([['accepted', 'TUR', 'Türkiye données.xlsx']]);
    expect(requests.map((r) => [r.ally, r.key])).toEqual([['TUR', key]]);
  });

  it('writes nothing new when the same event arrives twice, and asks again for a (no-op) publish', async () => {
    // Prepare
    const event = await upload('submissions/EST/twice.xlsx', await estonia());
    await ingest(event);
    const before = await storage.list('data', 'receipts/EST/');
    // Act
    await ingest(event);
    // Assess
    expect(requests.map((r) => r.submissionId)).toEqual([requests[0]?.submissionId, requests[0]?.submissionId]);
    expect(await storage.list('data', 'receipts/EST/')).toEqual(before);
    expect(logs.entries.filter((e) => e.message === 'upload checked').map((e) => (e.extra[0] as { duplicate: boolean }).duplicate)).toEqual([false, true]);
  });

  it('tells its observer of each receipt, the redelivered one as a duplicate', async () => {
    // Prepare
    const key = 'submissions/EST/observed.xlsx';
    const event = await upload(key, await estonia());
    const reports: ReceiptReport[] = [];
    const observed = createIngestHandler({
      storage,
      requestPublish: async () => undefined,
      rules: HAGUE_2025,
      logger: recordingLogger().logger,
      now: () => NOW,
      observer: { receiptWritten: (r) => void reports.push(r) },
    });
    // Act
    await observed(event);
    await observed(event);
    // Assess
    const [stored] = await receiptsOf('EST').then((all) => all.filter((r) => r.source?.key === key));
    expect(reports.map((r) => [r.key, r.receipt.submissionId, r.receipt.status, r.duplicate])).toEqual([
      [key, stored?.submissionId, 'accepted', false],
      [key, stored?.submissionId, 'accepted', true],
    ]);
  });

  it('writes a rejected receipt and asks for no publish when the figures belong to another ally', async () => {
    // Prepare
    const event = await upload('submissions/LVA/estonia-by-mistake.xlsx', await estonia());
    // Act
    await ingest(event);
    // Assess
    expect((await receiptsOf('LVA')).map((r) => r.status)).toEqual(['rejected']);
    expect(requests).toEqual([]);
  });

  it('logs ally, key and counts but no submitted figure', async () => {
    // Prepare
    const event = await upload('submissions/EST/logged.xlsx', await estonia());
    // Act
    await ingest(event);
    // Assess
    const text = JSON.stringify(logs.entries);
    expect(text).toContain('submissions/EST/logged.xlsx');
    expect(text).not.toMatch(/40000|1300/);
  });

  it('refuses an upload outside any ally folder with a receipt under receipts/_unfiled/, and asks for no publish', async () => {
    // Prepare
    const event = await upload('submissions/estonia.xlsx', await estonia());
    // Act
    await ingest(event);
    // Assess
    expect((await receiptsOf('_unfiled')).map((r) => [r.status, r.source?.key, r.findings.map((f) => f.code)])).toEqual([
      ['rejected', 'submissions/estonia.xlsx', ['upload-not-filed']],
    ]);
    expect(requests).toEqual([]);
  });

  it('fails (so Lambda retries, then parks it with an alarm) for a key it cannot answer, naming the key escaped', async () => {
    // Prepare: an object gone before it is read, under a name with a line break.
    const key = 'submissions/EST/gone\nsoon.xlsx';
    const event = s3Event(BUCKETS.uploads, [{ key, size: 10, eTag: 'abc', eventTime: '2026-03-02T09:15:00.000Z' }]);
    // Act
    const act = ingest(event);
    // Assess
    await expect(act).rejects.toBeInstanceOf(RecordFailedError);
    const error = await act.catch((e: unknown) => e);
    expect(error instanceof Error && error.message).toContain('key "submissions/EST/gone\\nsoon.xlsx"');
    // eslint-disable-next-line no-control-regex -- the point: no raw control character gets through
    expect(error instanceof Error && error.message).not.toMatch(/[\u0000-\u001f]/);
    expect(logs.entries.filter((e) => e.message === 'upload could not be processed')).toHaveLength(1);
  });

  it('passes over a folder placeholder under submissions/, which fires the notification but is no upload', async () => {
    // Prepare: what the S3 console's "Create folder" writes.
    const event = await upload('submissions/EST/', Buffer.alloc(0));
    const before = (await receiptsOf('EST')).length;
    // Act
    await ingest(event);
    // Assess
    expect(await receiptsOf('EST')).toHaveLength(before);
    expect(requests).toEqual([]);
    expect(logs.entries).toEqual([{ level: 'info', message: 'folder placeholder, not an upload', extra: [{ key: 'submissions/EST/' }] }]);
  });

  it('fails for an object that is not in the bucket', async () => {
    const event = s3Event(BUCKETS.uploads, [{ key: 'submissions/EST/never uploaded.xlsx', size: 10 }]);
    await expect(ingest(event)).rejects.toBeInstanceOf(RecordFailedError);
  });

  it('still handles the good records of an event before failing for the bad one', async () => {
    // Prepare
    const good = await upload('submissions/EST/good in a pair.xlsx', await estonia());
    const bad = s3Event(BUCKETS.uploads, [{ key: 'submissions/EST/missing.xlsx' }]);
    const event = { Records: [...bad.Records, ...good.Records] };
    // Act
    const act = ingest(event);
    // Assess
    await expect(act).rejects.toBeInstanceOf(RecordFailedError);
    expect(requests.map((r) => r.key)).toEqual(['submissions/EST/good in a pair.xlsx']);
  });

  it('fails when the publish request cannot be sent, naming the submission', async () => {
    // Prepare
    const event = await upload('submissions/EST/queue down.xlsx', await estonia());
    const failing = createIngestHandler({
      storage,
      requestPublish: () => Promise.reject(new Error('SQS unavailable')),
      rules: HAGUE_2025,
      logger: logs.logger,
      now: () => NOW,
    });
    // Act
    const act = failing(event);
    // Assess
    await expect(act).rejects.toBeInstanceOf(PublishRequestError);
    await expect(act).rejects.toMatchObject({ cause: new Error('SQS unavailable') });
  });

  it('asks for the publish on the retry when the first request was lost', async () => {
    // Prepare
    const event = await upload('submissions/EST/lost request.xlsx', await estonia());
    const failing = createIngestHandler({
      storage,
      requestPublish: () => Promise.reject(new Error('SQS unavailable')),
      rules: HAGUE_2025,
      logger: logs.logger,
      now: () => NOW,
    });
    await expect(failing(event)).rejects.toBeInstanceOf(PublishRequestError);
    // Act
    await ingest(event);
    // Assess
    expect(requests.map((r) => r.key)).toEqual(['submissions/EST/lost request.xlsx']);
  });

  it('refuses an event that is not an S3 notification', async () => {
    await expect(ingest({ Records: [{ eventSource: 'aws:sqs', body: '{}' }] })).rejects.toBeInstanceOf(InvalidEventError);
  });

  it('accepts the S3 test event and does nothing', async () => {
    // Act
    await ingest(s3TestEvent(BUCKETS.uploads));
    // Assess
    expect(requests).toEqual([]);
    expect(logs.entries.map((e) => e.message)).toEqual(['S3 test event received; nothing to do']);
  });
});
