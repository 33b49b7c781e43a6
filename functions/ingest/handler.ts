// Ingest: one S3 notification in, one receipt per uploaded object out, and a publish request
// for each accepted submission. Idempotent per object version (processUpload keeps the "already
// done" mark), so a redelivered event writes nothing; it does ask for a publish again, because
// the first request may have been lost, and the publisher turns an unchanged dataset into a no-op.
import type { IngestLimits } from '../../shared/ingest/index.ts';
import type { Rules } from '../../shared/model/index.ts';
import { ReceiptStatus } from '../../shared/model/index.ts';
import { processUpload } from '../../shared/pipeline/ingesting.ts';
import { isFolderPlaceholder } from '../../shared/stack/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { FunctionError, PublishRequestError, RecordFailedError, S3EventSchema, S3TestEventSchema, parseEvent, decodeS3Key, ingestRules } from '../common/index.ts';
import type { S3EventRecord, Log, HandlerObserver, RequestPublish } from '../common/index.ts';

interface IngestDeps {
  storage: Storage;
  requestPublish: RequestPublish;
  /** Fixed rules (tests); deployed, the store's config/rules.json or the shipped default is read each time. */
  rules?: Rules;
  limits?: Partial<IngestLimits>;
  logger: Log;
  now?: () => Date;
  /** Told of each receipt (the local cloud prints it); Lambda passes none. */
  observer?: Pick<HandlerObserver, 'receiptWritten'>;
}

const OBJECT_CREATED = 'ObjectCreated:';

const createIngestHandler = (deps: IngestDeps) => {
  const now = deps.now ?? (() => new Date());
  const { logger } = deps;

  const handleRecord = async (record: S3EventRecord): Promise<void> => {
    const bucket = record.s3.bucket.name;
    const key = decodeS3Key(record.s3.object.key);
    // Ingest fires for every object under submissions/, and "Create folder" makes one too.
    if (isFolderPlaceholder(key)) {
      logger.info('folder placeholder, not an upload', { key });
      return;
    }
    // Whatever fails below (a storage error, a key S3 or s3rver refuses) fails the record under
    // its escaped key: the messages of the errors inside quote the raw key, line breaks and all.
    const outcome = await processUpload({
      storage: deps.storage,
      key,
      versionId: record.s3.object.versionId ?? null,
      etag: record.s3.object.eTag ?? null,
      ...(record.s3.object.size !== undefined ? { size: record.s3.object.size } : {}),
      uploadedAt: record.eventTime,
      rules: await ingestRules(deps),
      now: now(),
      ...(deps.limits ? { limits: deps.limits } : {}),
    }).catch((error: unknown) => {
      const name = error instanceof Error ? error.name : 'error';
      throw new RecordFailedError(bucket, key, `${name} (the cause holds its message)`, { cause: error });
    });
    // No receipt can be written (no ally in the key, or the object vanished): fail loudly so
    // the event ends in the failure queue for an operator, never dropped.
    if (outcome.receipt === null) throw new RecordFailedError(bucket, key, outcome.ignored);

    const { receipt, duplicate } = outcome;
    logger.info('upload checked', {
      ally: receipt.ally,
      key,
      submissionId: receipt.submissionId,
      status: receipt.status,
      duplicate,
      errors: receipt.counts.errors,
      warnings: receipt.counts.warnings,
      years: receipt.years.length,
    });
    await deps.observer?.receiptWritten?.({ key, receipt, duplicate });
    if (receipt.status === ReceiptStatus.rejected || receipt.ally === null) return;
    try {
      await deps.requestPublish({ reason: 'upload', ally: receipt.ally, submissionId: receipt.submissionId, key });
    } catch (error) {
      // Failing the record makes Lambda retry it; the retry finds the receipt done and asks again.
      throw new PublishRequestError(receipt.submissionId, { cause: error });
    }
  };

  return async (event: unknown): Promise<void> => {
    if (S3TestEventSchema.safeParse(event).success) {
      logger.info('S3 test event received; nothing to do');
      return;
    }
    const { Records } = parseEvent('S3', S3EventSchema, event);
    const failures: Error[] = [];
    // Every record gets its chance before the batch fails; a retry redoes only what is not done.
    for (const record of Records) {
      if (!record.eventName.startsWith(OBJECT_CREATED)) {
        logger.warn('not an upload event', { eventName: record.eventName, key: record.s3.object.key });
        continue;
      }
      try {
        await handleRecord(record);
      } catch (error) {
        const failure = error instanceof Error ? error : new FunctionError(String(error), { cause: error });
        logger.error('upload could not be processed', { key: record.s3.object.key, error: failure });
        failures.push(failure);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      throw new FunctionError(`${failures.length} of ${Records.length} uploads could not be processed`, {
        cause: new AggregateError(failures),
      });
    }
  };
};

export { createIngestHandler };
export type { IngestDeps };
