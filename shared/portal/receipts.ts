// The receipts a caller may read, from the uploads bucket's receipts/<ally>/ folder, which ingest
// writes: a list for the page's history and one receipt by id. A receipt is found by its
// submission id, or by the upload id the page got from POST /uploads (the receipt's source key
// starts with submissions/<ally>/<upload id>-), so the page can poll before it knows the former.
import { rewordFinding } from '../findings/index.ts';
import { ReceiptSchema } from '../model/index.ts';
import type { Receipt } from '../model/index.ts';
import { BucketRole } from '../stack/index.ts';
import type { Storage } from '../storage/index.ts';
import { uploadsKeys } from '../storage/keys.ts';
import type { Lang } from '../text/index.ts';
import { CorruptReceiptError } from './errors.ts';
import { uploadKeyPrefix } from './upload.ts';

/** What the portal reads: the uploads bucket only, and never writes. */
type ReceiptReader = Pick<Storage, 'get' | 'head' | 'list'>;

/** `20261127T031500123Z-<12 hex>`: ingest's submission id (shared/ingest/receipt.ts). */
const SUBMISSION_ID = /^(\d{8}T\d{9}Z)-[0-9a-f]{12}$/;
/** `20261127T031500123Z-<16 to 32 of a-z 0-9>`: an upload id (never 12 characters, so never a submission id). */
const UPLOAD_ID = /^(\d{8}T\d{9}Z)-[a-z0-9]{16,32}$/;
const TOKEN = /^[a-z0-9]{16,32}$/;

/** "2026-11-27T03:15:00.123Z" → "20261127T031500123Z", as submission ids start. */
const compactTime = (t: Date): string => t.toISOString().replace(/[-:.]/g, '');
const timeOfCompact = (c: string): number =>
  Date.parse(`${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}T${c.slice(9, 11)}:${c.slice(11, 13)}:${c.slice(13, 15)}.${c.slice(15, 18)}Z`);

/** How long before its upload id's time a receipt may be stamped (clocks of S3 and the host differ). */
const CLOCK_SLACK_MS = 5 * 60 * 1000;
/** The most receipts a list holds (newest first). */
const LIST_LIMIT = 100;

/** One line of the history. */
interface ReceiptSummary {
  id: string;
  /** The portal upload it answers, or null for an upload made some other way. */
  uploadId: string | null;
  fileName: string;
  status: Receipt['status'];
  receivedAt: string;
  errors: number;
  warnings: number;
}

/** A receipt as the API shows it: without its records (the figures are in the ally's release). */
type ReceiptView = Omit<Receipt, 'records'>;

const readReceipt = async (reader: ReceiptReader, key: string): Promise<Receipt | null> => {
  const obj = await reader.get(BucketRole.uploads, key);
  if (obj === null) return null;
  try {
    return ReceiptSchema.parse(JSON.parse(obj.body.toString('utf8')));
  } catch (error) {
    throw new CorruptReceiptError(key, { cause: error });
  }
};

/** The upload id in a receipt's source key, when a portal upload made it. */
const uploadIdOf = (receipt: Receipt): string | null => {
  const name = receipt.source?.key.split('/').at(-1) ?? '';
  const id = /^(\d{8}T\d{9}Z-[a-z0-9]{16,32})-/.exec(name)?.[1] ?? null;
  return id !== null && UPLOAD_ID.test(id) ? id : null;
};

const summaryOf = (receipt: Receipt): ReceiptSummary => {
  const uploadId = uploadIdOf(receipt);
  return {
    id: receipt.submissionId,
    uploadId,
    fileName: uploadId !== null && receipt.file.startsWith(`${uploadId}-`) ? receipt.file.slice(uploadId.length + 1) : receipt.file,
    status: receipt.status,
    receivedAt: receipt.uploadedAt,
    errors: receipt.counts.errors,
    warnings: receipt.counts.warnings,
  };
};

/** The receipt without its records, its findings worded in `lang` when one is asked. */
const viewOf = (receipt: Receipt, lang?: Lang): ReceiptView => {
  const { records: _records, ...view } = receipt;
  return lang === undefined ? view : { ...view, findings: view.findings.map((f) => rewordFinding(f, lang)) };
};

/** The JSON receipt keys of one ally, newest first (submission ids sort by time). */
const receiptKeys = async (reader: ReceiptReader, ally: string): Promise<string[]> =>
  (await reader.list(BucketRole.uploads, uploadsKeys.receiptsPrefix(ally)))
    .map((o) => o.key)
    .filter((k) => k.endsWith('.json'))
    .sort()
    .reverse();

const listReceipts = async (reader: ReceiptReader, ally: string): Promise<ReceiptSummary[]> => {
  const keys = (await receiptKeys(reader, ally)).slice(0, LIST_LIMIT);
  const receipts = await Promise.all(keys.map((k) => readReceipt(reader, k)));
  return receipts.filter((r): r is Receipt => r !== null).map(summaryOf);
};

/** The receipt of an upload or submission id, or null while there is none (the page polls). */
const findReceipt = async (reader: ReceiptReader, ally: string, id: string): Promise<Receipt | null> => {
  if (SUBMISSION_ID.test(id)) return readReceipt(reader, uploadsKeys.receiptJson(ally, id));
  const time = UPLOAD_ID.exec(id)?.[1];
  if (time === undefined) return null;
  const since = timeOfCompact(time) - CLOCK_SLACK_MS;
  const prefix = uploadKeyPrefix(ally, id);
  const candidates = (await receiptKeys(reader, ally)).filter((k) => {
    const stamp = SUBMISSION_ID.exec(k.split('/').at(-1)?.replace(/\.json$/, '') ?? '')?.[1];
    return stamp !== undefined && timeOfCompact(stamp) >= since;
  });
  for (const key of candidates) {
    const receipt = await readReceipt(reader, key);
    if (receipt?.source?.key.startsWith(prefix)) return receipt;
  }
  return null;
};

/** The annotated workbook's key beside a receipt, when ingest wrote one. */
const annotatedKey = async (reader: ReceiptReader, receipt: Receipt, ally: string): Promise<string | null> => {
  const key = uploadsKeys.receiptWorkbook(ally, receipt.submissionId);
  return (await reader.head(BucketRole.uploads, key)) === null ? null : key;
};

export { listReceipts, findReceipt, annotatedKey, viewOf, summaryOf, compactTime, SUBMISSION_ID, UPLOAD_ID, TOKEN };
export type { ReceiptReader, ReceiptSummary, ReceiptView };
