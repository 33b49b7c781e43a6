// Ingest of one uploaded object: from a key in the uploads bucket to a receipt, always. In order:
//   1. a key that cannot be filed (no ally folder, a folder that is not a three-letter code, a
//      `.`/`..` or empty folder, a control character) gets a refusal without a byte being read,
//      under its ally's receipts when the folder is a code, else under receipts/_unfiled/;
//   2. otherwise the file is checked; when accepted, the normalised submission is archived and
//      then added to its ally's current figures, which may add findings (an identical
//      re-upload, figures downgraded from actual, years kept from a newer submission);
//   3. only then the receipt is written: the annotated copy and the receipt in the uploads
//      bucket, and last the private receipt in the data bucket, the "already done" mark.
// Idempotent per object version: a duplicate event finds the mark and writes nothing; a crash
// anywhere before it is simply redone, and a receipt never says accepted for figures that did
// not reach the data bucket.
import { findingOf } from '../findings/index.ts';
import type { Finding } from '../findings/index.ts';
import { annotateWorkbook, buildReceipt, IngestLimitsSchema, ingestSubmission, receiptWorkbook, submissionIdFor, tooLargeFinding } from '../ingest/index.ts';
import type { IngestLimits } from '../ingest/index.ts';
import { ReceiptSchema, ReceiptStatus } from '../model/index.ts';
import type { Receipt, Rules } from '../model/index.ts';
import { sha256Hex } from '../report/digest.ts';
import { BucketRole, classifyUploadKey, dataKeys, printableKey, uploadsKeys } from '../storage/index.ts';
import type { Storage, UploadKey } from '../storage/index.ts';
import { recordAccepted } from './current-store.ts';
import { CorruptStoreError } from './errors.ts';
import { mergeFindings } from './merge-findings.ts';
import { StoredSubmissionV2Schema } from './stored-submission.ts';
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
  /** Nothing to do: the key is not under submissions/, or the object is gone. No receipt can be written. */
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

/** Who uploaded, as the portal's presigned upload records it in the object's metadata. */
const uploaderOf = (metadata: Record<string, string> | undefined): Receipt['uploader'] =>
  metadata?.uploader ? { email: metadata.uploader, sub: metadata['uploader-sub'] ?? null } : undefined;

const isAccepted = (status: Receipt['status']): status is Exclude<Receipt['status'], 'rejected'> => status !== ReceiptStatus.rejected;

/** Why a key cannot be filed, as the finding its refusal carries. */
const keyFinding = (parsed: Extract<UploadKey, { kind: 'unfiled' }>, key: string): Finding => {
  switch (parsed.problem) {
    case 'no-folder':
      return findingOf('upload-not-filed', { found: printableKey(key), expected: 'submissions/<ISO3>/<file>' });
    case 'not-an-ally-code':
      return findingOf('ally-not-known', { found: parsed.folder, expected: 'the ISO3 code of an ally' });
    default:
      return findingOf('upload-key-unsafe', { found: printableKey(key), expected: 'submissions/<ISO3>/<file>', params: { problem: parsed.problem } });
  }
};

/** The receipt again with more findings (its verdict follows them), and its workbook copy redone. */
const withFindings = async (receipt: Receipt, extra: readonly Finding[], bytes: Buffer): Promise<{ receipt: Receipt; annotated: Buffer }> => {
  const next = buildReceipt({
    submissionId: receipt.submissionId,
    fileName: receipt.file,
    uploadedAt: receipt.uploadedAt,
    checkedAt: receipt.checkedAt,
    ...(receipt.source ? { source: receipt.source } : {}),
    ally: receipt.ally,
    years: receipt.years,
    findings: [...receipt.findings, ...extra],
    records: receipt.records,
  });
  // The same copy ingest makes: the workbook with its cells marked, or (a CSV) a receipt workbook.
  const annotated = await annotateWorkbook(bytes, next).catch(() => receiptWorkbook(next));
  return { receipt: next, annotated };
};

const processUpload = async (input: ProcessUploadInput): Promise<ProcessUploadOutcome> => {
  const { storage, key, rules, now } = input;
  const parsed = classifyUploadKey(key);
  if (parsed.kind === 'outside') return { receipt: null, duplicate: false, ignored: `${printableKey(key)} is not under submissions/` };
  const limits = IngestLimitsSchema.parse(input.limits ?? {});
  const uploadedAt = new Date(input.uploadedAt).toISOString();
  const versionId = input.versionId ?? null;

  const head = await storage.head(BucketRole.uploads, key);
  if (!head) return { receipt: null, duplicate: false, ignored: `${printableKey(key)} no longer exists in the uploads bucket` };
  const etag = input.etag ?? head.etag ?? null;
  const submissionId = submissionIdFor({ key, versionId, etag, uploadedAt });
  const folder = parsed.kind === 'filed' ? parsed.ally : parsed.receiptFolder;
  const receiptKey = dataKeys.receipt(folder, submissionId);

  const done = await readStoredReceipt(storage, receiptKey);
  if (done) return { receipt: done, duplicate: true };

  const source = { key, versionId, etag };
  const base = { submissionId, fileName: parsed.fileName, uploadedAt, checkedAt: now.toISOString(), source, ally: folder, years: [], records: [] };
  // The guard's own size rule, applied to the listed size: an object refused for its size alone
  // is never downloaded, and its receipt reads as if the guard had measured the bytes.
  const tooLarge = tooLargeFinding(head.size, limits);
  let receipt: Receipt;
  let annotated: Buffer | null;
  let bytes: Buffer | null = null;
  let uploader: Receipt['uploader'];
  if (parsed.kind === 'unfiled') {
    receipt = buildReceipt({ ...base, findings: [keyFinding(parsed, key)] });
    annotated = await receiptWorkbook(receipt);
  } else if (tooLarge) {
    receipt = buildReceipt({ ...base, findings: [tooLarge] });
    annotated = await receiptWorkbook(receipt);
  } else {
    const obj = await storage.get(BucketRole.uploads, key);
    if (!obj) return { receipt: null, duplicate: false, ignored: `${printableKey(key)} no longer exists in the uploads bucket` };
    bytes = obj.body;
    uploader = uploaderOf(obj.metadata);
    ({ receipt, annotated } = await ingestSubmission({
      bytes,
      fileName: parsed.fileName,
      expectedAlly: parsed.ally,
      submissionId,
      uploadedAt,
      source,
      rules,
      now,
      limits,
    }));
  }

  if (parsed.kind === 'filed' && bytes && isAccepted(receipt.status)) {
    const stored: StoredSubmission = StoredSubmissionV2Schema.parse({
      storedVersion: 2,
      submissionId,
      ally: parsed.ally,
      file: parsed.fileName,
      key,
      versionId,
      uploadedAt,
      receiptStatus: receipt.status,
      records: receipt.records,
      sha256: sha256Hex(bytes),
    });
    // The archive first: the current figures never hold what the archive lacks (a rebuild would drop it).
    await storage.put(BucketRole.data, dataKeys.submission(parsed.ally, submissionId), `${JSON.stringify(stored)}\n`, { contentType: JSON_TYPE });
    const merged = await recordAccepted(storage, stored);
    const extra = mergeFindings(merged, receipt.records);
    if (extra.length > 0) ({ receipt, annotated } = await withFindings(receipt, extra, bytes));
  }

  if (uploader) receipt = { ...receipt, uploader };
  const receiptJson = `${JSON.stringify(receipt, null, 2)}\n`;
  if (annotated) {
    await storage.put(BucketRole.uploads, uploadsKeys.receiptWorkbook(folder, submissionId), annotated, { contentType: XLSX_TYPE });
  }
  await storage.put(BucketRole.uploads, uploadsKeys.receiptJson(folder, submissionId), receiptJson, { contentType: JSON_TYPE });
  // Last: its presence means every write above is done.
  await storage.put(BucketRole.data, receiptKey, receiptJson, { contentType: JSON_TYPE });
  return { receipt, duplicate: false };
};

export { processUpload };
export type { ProcessUploadInput, ProcessUploadOutcome };
