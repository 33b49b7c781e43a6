// Notify: each receipt ingest writes to the uploads bucket (receipts/<ally>/<id>.json) becomes one
// message on the receipt topic, with attributes `ally` and `status` for subscribers' filter
// policies, and, when the stack has a sender, an e-mail to whoever uploaded. Apart from ingest so
// the ingest bundle stays within its budget, and so a failing e-mail never fails an ingest.
// S3 events come at least once: a subscriber may see a receipt twice, with the same submissionId.
import { ReceiptSchema } from '../../shared/model/index.ts';
import type { Receipt } from '../../shared/model/index.ts';
import { receiptNotification } from '../../shared/portal/index.ts';
import type { ReceiptNotification } from '../../shared/portal/index.ts';
import { BucketRole, RECEIPTS_PREFIX } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { FunctionError, RecordFailedError, S3EventSchema, S3TestEventSchema, decodeS3Key, parseEvent } from '../common/plain.ts';
import type { Log, S3EventRecord } from '../common/plain.ts';

/** What a subscriber's system gets (the e-mail protocol gets the text instead). */
interface ReceiptMessage {
  submissionId: string;
  ally: string;
  status: Receipt['status'];
  file: string;
  uploadedAt: string;
  counts: Receipt['counts'];
  key: string;
}

interface NotifyDeps {
  storage: Pick<Storage, 'get'>;
  publish: (notification: ReceiptNotification, message: ReceiptMessage) => Promise<void>;
  /** Null when the stack has no sender address: no e-mail. */
  sendEmail: ((notification: ReceiptNotification & { to: string }) => Promise<void>) | null;
  pageUrl: string | null;
  logger: Log;
}

const RECEIPT_KEY = /^receipts\/[^/]+\/[^/]+\.json$/;

const createNotifyHandler = (deps: NotifyDeps) => {
  const { logger } = deps;

  const handleRecord = async (record: S3EventRecord): Promise<void> => {
    const key = decodeS3Key(record.s3.object.key);
    if (!key.startsWith(RECEIPTS_PREFIX) || !RECEIPT_KEY.test(key)) {
      logger.warn('not a receipt, nothing to notify', { key });
      return;
    }
    const stored = await deps.storage.get(BucketRole.uploads, key);
    if (stored === null) throw new RecordFailedError(record.s3.bucket.name, key, 'the receipt is gone');
    const parsed = ReceiptSchema.safeParse(JSON.parse(stored.body.toString('utf8')));
    if (!parsed.success) throw new RecordFailedError(record.s3.bucket.name, key, 'not a valid receipt', { cause: parsed.error });
    const receipt = parsed.data;
    const notification = receiptNotification(receipt, { pageUrl: deps.pageUrl });
    await deps.publish(notification, {
      submissionId: receipt.submissionId,
      ally: notification.attributes.ally,
      status: receipt.status,
      file: receipt.file,
      uploadedAt: receipt.uploadedAt,
      counts: receipt.counts,
      key,
    });
    const to = notification.to;
    if (deps.sendEmail !== null && to !== null) await deps.sendEmail({ ...notification, to });
    logger.info('receipt notified', { key, ...notification.attributes, emailed: deps.sendEmail !== null && to !== null });
  };

  return async (event: unknown): Promise<void> => {
    if (S3TestEventSchema.safeParse(event).success) return;
    const { Records } = parseEvent('S3', S3EventSchema, event);
    const failures: Error[] = [];
    for (const record of Records) {
      try {
        await handleRecord(record);
      } catch (error) {
        const failure = error instanceof Error ? error : new FunctionError(String(error), { cause: error });
        logger.error('receipt could not be notified', { key: record.s3.object.key, error: failure });
        failures.push(failure);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new FunctionError(`${failures.length} of ${Records.length} receipts could not be notified`, { cause: new AggregateError(failures) });
  };
};

export { createNotifyHandler };
export type { NotifyDeps, ReceiptMessage };
