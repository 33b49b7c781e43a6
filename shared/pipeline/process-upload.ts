// Ingest of one uploaded object: from a key in the uploads bucket to a receipt (always) and,
// when accepted, a stored submission the publisher will merge. Idempotent per object version:
// the private receipt in the data bucket is written last and is the "already done" mark, so a
// duplicate event writes nothing and a crash half-way is simply redone.
import { buildReceipt, IngestLimitsSchema, ingestSubmission, receiptWorkbook, submissionIdFor, tooLargeFinding } from '../ingest/index.ts';
import type { IngestLimits } from '../ingest/index.ts';
import { ReceiptSchema, ReceiptStatus } from '../model/index.ts';
import type { Receipt, Rules } from '../model/index.ts';
import { BucketRole, dataKeys, uploadsKeys } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { CorruptStoreError } from './errors.ts';
import { StoredSubmissionSchema } from './stored-submission.ts';
import type { StoredSubmission } from './stored-submission.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ProcessUploadInput {
  storage: Storage;
  /** Decoded key in the uploads bucket. */
  key: string;
  versionId?: string | null;
  etag?: string | null;
  /** Size from the event, if it came with one; the object is headed either way and its size wins. */
  size?: number;
  /** When the object was uploaded (event time or Last-Modified); orders resubmissions. */
  uploadedAt: string | Date;
  rules: Rules;
  now: Date;
  limits?: Partial<IngestLimits>;
}

type ProcessUploadOutcome =
  | { receipt: Receipt; duplicate: boolean; ignored?: undefined }
  /** Nothing to do: the key is not an upload, or the object is gone. No receipt can be written. */
  | { receipt: null; duplicate: false; ignored: string };

const readStoredReceipt = async (storage: Storage, key: string): Promise<Receipt | null> => {
  const obj = await storage.get(BucketRole.data, key);
  if (!obj) return null;
  try {
    return ReceiptSchema.parse(JSON.parse(obj.body.toString('utf8')));
  } catch (error) {
    throw new CorruptStoreError(key, { cause: error });
  }
};

const isAccepted = (status: Receipt['status']): status is Exclude<Receipt['status'], 'rejected'> => status !== ReceiptStatus.rejected;

const processUpload = async (input: ProcessUploadInput): Promise<ProcessUploadOutcome> => {
  const { storage, key, rules, now } = input;
  const filed = uploadsKeys.parseSubmission(key);
  if (!filed) return { receipt: null, duplicate: false, ignored: `${key} is not under submissions/<ISO3>/` };
  const limits = IngestLimitsSchema.parse(input.limits ?? {});
  const uploadedAt = new Date(input.uploadedAt).toISOString();
  const versionId = input.versionId ?? null;

  const head = await storage.head(BucketRole.uploads, key);
  if (!head) return { receipt: null, duplicate: false, ignored: `${key} no longer exists in the uploads bucket` };
  const etag = input.etag ?? head.etag ?? null;
  const submissionId = submissionIdFor({ key, versionId, etag, uploadedAt });
  const receiptKey = dataKeys.receipt(filed.ally, submissionId);

  const done = await readStoredReceipt(storage, receiptKey);
  if (done) return { receipt: done, duplicate: true };

  const source = { key, versionId, etag };
  const checkedAt = now.toISOString();
  // The guard's own size rule, applied to the listed size: an object refused for its size alone
  // is never downloaded, and its receipt reads as if the guard had measured the bytes.
  const tooLarge = tooLargeFinding(head.size, limits);
  let receipt: Receipt;
  let annotated: Buffer | null;
  if (tooLarge) {
    receipt = buildReceipt({
      submissionId,
      fileName: filed.fileName,
      uploadedAt,
      checkedAt,
      source,
      ally: filed.ally,
      years: [],
      findings: [tooLarge],
      records: [],
    });
    annotated = await receiptWorkbook(receipt);
  } else {
    const obj = await storage.get(BucketRole.uploads, key);
    if (!obj) return { receipt: null, duplicate: false, ignored: `${key} no longer exists in the uploads bucket` };
    ({ receipt, annotated } = await ingestSubmission({
      bytes: obj.body,
      fileName: filed.fileName,
      expectedAlly: filed.ally,
      submissionId,
      uploadedAt,
      source,
      rules,
      now,
      limits,
    }));
  }

  const receiptJson = `${JSON.stringify(receipt, null, 2)}\n`;
  if (annotated) {
    await storage.put(BucketRole.uploads, uploadsKeys.receiptWorkbook(filed.ally, submissionId), annotated, { contentType: XLSX_TYPE });
  }
  await storage.put(BucketRole.uploads, uploadsKeys.receiptJson(filed.ally, submissionId), receiptJson, { contentType: JSON_TYPE });
  if (isAccepted(receipt.status)) {
    const stored: StoredSubmission = StoredSubmissionSchema.parse({
      storedVersion: 1,
      submissionId,
      ally: filed.ally,
      file: filed.fileName,
      key,
      versionId,
      uploadedAt,
      receiptStatus: receipt.status,
      records: receipt.records,
    });
    await storage.put(BucketRole.data, dataKeys.submission(filed.ally, submissionId), `${JSON.stringify(stored)}\n`, { contentType: JSON_TYPE });
  }
  // Last: its presence means every write above is done.
  await storage.put(BucketRole.data, receiptKey, receiptJson, { contentType: JSON_TYPE });
  return { receipt, duplicate: false };
};

export { processUpload };
export type { ProcessUploadInput, ProcessUploadOutcome };
