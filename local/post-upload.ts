// The HTTP side of a browser upload to the local uploads bucket (see post-policy.ts): reads the
// multipart form (bounded by the ingest limit), checks its policy, then stores the file with its
// Content-Type and x-amz-meta-* fields as object metadata, as S3 does. Refusals are S3's XML errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { readBody, sendBytes } from './http-io.ts';
import { checkPostPolicy } from './post-policy.ts';
import type { PolicyContext, PostRefusal } from './post-policy.ts';

/** What a multipart form adds around the file, at most (fields, boundaries). */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const META_PREFIX = 'x-amz-meta-';

interface PostUploadOptions {
  client: S3Client;
  bucket: string;
  /** The largest file the form may carry (the ingest limit); the policy's own range is checked too. */
  maxFileBytes: number;
  context: () => Omit<PolicyContext, 'bucket'>;
}

const xmlError = (res: ServerResponse, refusal: Pick<PostRefusal, 'status' | 'code' | 'message'>): void => {
  const escaped = refusal.message.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  sendBytes(res, refusal.status, `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escaped}</Message></Error>`, 'application/xml', { connection: 'close' });
};

const createPostUploadHandler =
  (options: PostUploadOptions) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const answer = async (): Promise<void> => {
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('multipart/form-data')) {
        req.resume();
        return xmlError(res, { status: 400, code: 'InvalidArgument', message: 'Bucket POST must be of the enclosure-type multipart/form-data' });
      }
      const body = await readBody(req, options.maxFileBytes + FORM_OVERHEAD_BYTES).catch(() => null);
      if (!body) return xmlError(res, { status: 400, code: 'EntityTooLarge', message: `Your proposed upload exceeds the maximum allowed size (${options.maxFileBytes} bytes)` });
      const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
      const fields: Record<string, string> = {};
      let file: File | null = null;
      for (const [name, value] of form) {
        if (typeof value === 'string') fields[name] = value;
        else if (name === 'file' && !file) file = value;
      }
      if (!file) return xmlError(res, { status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' });
      const refusal = checkPostPolicy({ fields, fileSize: file.size }, { ...options.context(), bucket: options.bucket });
      if (refusal) return xmlError(res, refusal);
      const lower = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
      const metadata = Object.fromEntries([...lower].filter(([k]) => k.startsWith(META_PREFIX)).map(([k, v]) => [k.slice(META_PREFIX.length), v]));
      await options.client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: lower.get('key') ?? '',
          Body: Buffer.from(await file.arrayBuffer()),
          ContentType: lower.get('content-type') ?? 'binary/octet-stream',
          Metadata: metadata,
        }),
      );
      const status = Number(lower.get('success_action_status') ?? 204);
      sendBytes(res, status === 200 || status === 201 ? status : 204, '', 'text/plain');
    };
    answer().catch((error: unknown) => {
      if (!res.headersSent) xmlError(res, { status: 400, code: 'InvalidArgument', message: error instanceof Error ? error.message : String(error) });
    });
  };

export { createPostUploadHandler };
export type { PostUploadOptions };
