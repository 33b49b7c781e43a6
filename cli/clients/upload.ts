// Uploads one file as an officer would, then waits for its receipt: the receipts already under
// receipts/<ISO3>/ are noted first, so only a receipt written afterwards for this very object
// (same key, and same version or ETag) counts, even when the same file is sent twice.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ReceiptSchema } from '../../shared/model/index.ts';
import type { Receipt } from '../../shared/model/index.ts';
import { BucketRole, createS3Storage, uploadsKeys } from '../../shared/storage/index.ts';
import { WaitTimeoutError } from './errors.ts';
import type { Target } from './target.ts';

interface UploadInput {
  target: Target;
  ally: string;
  fileName: string;
  body: Buffer;
  timeoutMs: number;
  pollMs?: number;
  /** Called once the object is stored, before waiting. */
  onUploaded?: (key: string) => void;
}

interface UploadResult {
  key: string;
  receipt: Receipt;
  receiptKey: string;
  /** The copy of the workbook with the offending cells marked, when ingest wrote one. */
  annotatedKey: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const bare = (etag: string | undefined | null): string | null => (etag ? etag.replace(/^"|"$/g, '') : null);

const uploadAndWait = async (input: UploadInput): Promise<UploadResult> => {
  const { target, ally, fileName, body, timeoutMs } = input;
  const pollMs = input.pollMs ?? 500;
  const storage = createS3Storage({ client: target.client, buckets: { uploads: target.uploadsBucket, data: '', public: '' } });
  const prefix = uploadsKeys.receiptsPrefix(ally);
  const seen = new Set((await storage.list(BucketRole.uploads, prefix)).map((o) => o.key));

  const key = uploadsKeys.submission(ally, fileName);
  const put = await target.client.send(new PutObjectCommand({ Bucket: target.uploadsBucket, Key: key, Body: body }));
  input.onUploaded?.(key);
  const etag = bare(put.ETag);
  const versionId = put.VersionId ?? null;

  const isOurs = (r: Receipt): boolean =>
    r.source?.key === key && (versionId !== null ? r.source.versionId === versionId : bare(r.source.etag) === etag);

  const started = Date.now();
  for (;;) {
    for (const o of await storage.list(BucketRole.uploads, prefix)) {
      if (seen.has(o.key) || !o.key.endsWith('.json')) continue;
      seen.add(o.key);
      const obj = await storage.get(BucketRole.uploads, o.key);
      const parsed = obj ? ReceiptSchema.safeParse(JSON.parse(obj.body.toString('utf8'))) : null;
      if (parsed?.success && isOurs(parsed.data)) {
        const receipt = parsed.data;
        const annotated = receipt.ally ? uploadsKeys.receiptWorkbook(receipt.ally, receipt.submissionId) : null;
        const annotatedKey = annotated && (await storage.head(BucketRole.uploads, annotated)) ? annotated : null;
        return { key, receipt, receiptKey: o.key, annotatedKey };
      }
    }
    if (Date.now() - started > timeoutMs) throw new WaitTimeoutError(`receipt for ${key}`, Date.now() - started);
    await sleep(pollMs);
  }
};

export { uploadAndWait };
export type { UploadInput, UploadResult };
