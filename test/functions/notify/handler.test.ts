// Notify as S3 calls it: a receipt written under receipts/ becomes one SNS message with the
// attributes subscribers filter on, and an e-mail to the uploader when the stack has a sender.
import { describe, expect, it } from 'vitest';
import type { PublishCommand } from '@aws-sdk/client-sns';
import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { createNotifyHandler, sesSender, snsPublisher } from '../../../functions/notify/index.ts';
import { findingOf } from '../../../shared/findings/index.ts';
import { buildReceipt } from '../../../shared/ingest/index.ts';
import { BucketRole, createMemoryStorage, uploadsKeys } from '../../../shared/storage/index.ts';
import { s3Event } from '../../helpers/events.ts';
import { recordingLogger } from '../recording-logger.ts';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:receipts';
const ID = '20261201T090001000Z-dddddddddddd';

const world = async (options: { sender: boolean; uploader: boolean }) => {
  const storage = createMemoryStorage();
  const receipt = buildReceipt({
    submissionId: ID,
    fileName: 'est.xlsx',
    uploadedAt: '2026-12-01T09:00:01.000Z',
    checkedAt: '2026-12-01T09:00:03.000Z',
    source: { key: uploadsKeys.submission('EST', 'est.xlsx'), versionId: null, etag: 'e' },
    ally: 'EST',
    years: [],
    findings: [findingOf('no-years', { sheet: 'Data', cell: 'B2' })],
    records: [],
  });
  const stored = options.uploader ? { ...receipt, uploader: { email: 'officer@mod.example', sub: 's' } } : receipt;
  await storage.put(BucketRole.uploads, uploadsKeys.receiptJson('EST', ID), JSON.stringify(stored));
  const published: PublishCommand[] = [];
  const emailed: SendEmailCommand[] = [];
  const { logger, entries } = recordingLogger();
  const handler = createNotifyHandler({
    storage,
    publish: snsPublisher({ send: async (c: PublishCommand) => published.push(c) }, TOPIC),
    sendEmail: options.sender ? sesSender({ send: async (c: SendEmailCommand) => emailed.push(c) }, 'receipts@dualtrack.example') : null,
    pageUrl: 'https://site.example/submit/',
    logger,
  });
  return { handler, published, emailed, entries };
};

describe('the notify function', () => {
  it('publishes each receipt with attributes ally and status, JSON for systems and the text for e-mail', async () => {
    // Prepare
    const w = await world({ sender: false, uploader: true });
    // Act
    await w.handler(s3Event('dt-uploads', [{ key: uploadsKeys.receiptJson('EST', ID) }]));
    // Assess
    expect(w.published).toHaveLength(1);
    const input = w.published[0]?.input;
    expect(input).toMatchObject({
      TopicArn: TOPIC,
      Subject: 'dualtrack: est.xlsx rejected',
      MessageStructure: 'json',
      MessageAttributes: { ally: { DataType: 'String', StringValue: 'EST' }, status: { DataType: 'String', StringValue: 'rejected' } },
    });
    const message = JSON.parse(input?.Message ?? '{}') as { default: string; email: string };
    expect(JSON.parse(message.default)).toEqual({
      submissionId: ID,
      ally: 'EST',
      status: 'rejected',
      file: 'est.xlsx',
      uploadedAt: '2026-12-01T09:00:01.000Z',
      counts: { errors: 1, warnings: 0, infos: 0 },
      key: uploadsKeys.receiptJson('EST', ID),
    });
    expect(message.email).toContain(`https://site.example/submit/?receipt=${ID}`);
    expect(w.emailed).toEqual([]);
  });

  it('e-mails the uploader the receipt names when the stack has a sender', async () => {
    const w = await world({ sender: true, uploader: true });
    await w.handler(s3Event('dt-uploads', [{ key: uploadsKeys.receiptJson('EST', ID) }]));
    expect(w.emailed.map((c) => c.input)).toEqual([
      {
        FromEmailAddress: 'receipts@dualtrack.example',
        Destination: { ToAddresses: ['officer@mod.example'] },
        Content: { Simple: { Subject: { Data: 'dualtrack: est.xlsx rejected', Charset: 'UTF-8' }, Body: { Text: { Data: expect.stringContaining('Data!B2') as unknown as string, Charset: 'UTF-8' } } } },
      },
    ]);
  });

  it('e-mails nobody for a receipt that names no uploader (an upload by hand)', async () => {
    const w = await world({ sender: true, uploader: false });
    await w.handler(s3Event('dt-uploads', [{ key: uploadsKeys.receiptJson('EST', ID) }]));
    expect([w.published.length, w.emailed.length]).toEqual([1, 0]);
  });

  it('skips an annotated workbook, and fails a receipt that is gone so the event is retried', async () => {
    const w = await world({ sender: false, uploader: false });
    await w.handler(s3Event('dt-uploads', [{ key: uploadsKeys.receiptWorkbook('EST', ID) }]));
    expect(w.published).toEqual([]);
    await expect(w.handler(s3Event('dt-uploads', [{ key: uploadsKeys.receiptJson('EST', '20261201T090001000Z-eeeeeeeeeeee') }]))).rejects.toThrow(/the receipt is gone/);
    expect(w.entries.map((e) => e.message)).toEqual(['not a receipt, nothing to notify', 'receipt could not be notified']);
  });
});
