// Browser uploads to the local uploads bucket: S3's POST object with a signed policy, as the
// portal's presigned POST sends it. s3rver 3.7.1 takes a multipart POST but ignores its policy
// (no signature, expiry, key, size or type check), so the local cloud checks the policy here as
// S3 does and only then stores the object, through s3rver's own PUT path (which fires the upload
// event as any upload does). The checks are S3's: a SigV4 signature over the base64 policy with
// the local credentials, an unexpired policy, and every form field matched by a condition
// (exact, `starts-with`) with the file's size inside `content-length-range`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

/** Form fields S3 never requires a condition for. */
const UNCONDITIONED = new Set(['policy', 'x-amz-signature', 'file']);

const PolicySchema = z.object({
  expiration: z.iso.datetime({ offset: true }),
  conditions: z.array(
    z.union([
      z.record(z.string(), z.string()),
      z.tuple([z.enum(['eq', 'starts-with']), z.string().startsWith('$'), z.string()]),
      z.tuple([z.literal('content-length-range'), z.number().int().nonnegative(), z.number().int().nonnegative()]),
    ]),
  ),
});

interface PostUpload {
  /** The form's text fields, names as sent. */
  fields: Readonly<Record<string, string>>;
  fileSize: number;
}

interface PolicyContext {
  bucket: string;
  secretAccessKey: string;
  region: string;
  now: Date;
}

/** Why S3 would refuse the POST: its status, error code and message. */
interface PostRefusal {
  status: 400 | 403;
  code: 'AccessDenied' | 'InvalidPolicyDocument' | 'EntityTooLarge' | 'EntityTooSmall' | 'InvalidArgument' | 'SignatureDoesNotMatch';
  message: string;
}

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** SigV4 for POST: the signing key of the credential's date, region and service, over the policy. */
const policySignature = (policyBase64: string, secret: string, date: string, region: string, service: string): string =>
  hmac(hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request'), policyBase64).toString('hex');

const sameHex = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const refuse = (status: PostRefusal['status'], code: PostRefusal['code'], message: string): PostRefusal => ({ status, code, message });

/** The refusal S3 would answer `upload` with, or null when the policy allows it. */
const checkPostPolicy = (upload: PostUpload, context: PolicyContext): PostRefusal | null => {
  // S3 matches field names without regard to case.
  const fields = new Map(Object.entries(upload.fields).map(([k, v]) => [k.toLowerCase(), v]));
  const policyText = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  const credential = fields.get('x-amz-credential');
  if (!policyText || !signature || !credential || fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
    return refuse(403, 'AccessDenied', 'a browser upload needs a policy signed with AWS4-HMAC-SHA256 (policy, x-amz-credential, x-amz-signature)');
  }
  const [, date = '', region = '', service = ''] = credential.split('/');
  if (region !== context.region || service !== 's3') return refuse(403, 'AccessDenied', `the credential ${credential} is not for s3 in ${context.region}`);
  if (!sameHex(policySignature(policyText, context.secretAccessKey, date, region, service), signature)) {
    return refuse(403, 'SignatureDoesNotMatch', 'the policy signature does not match');
  }
  let policy: z.infer<typeof PolicySchema>;
  try {
    policy = PolicySchema.parse(JSON.parse(Buffer.from(policyText, 'base64').toString('utf8')));
  } catch {
    return refuse(400, 'InvalidPolicyDocument', 'the policy is not a POST policy document');
  }
  if (new Date(policy.expiration).getTime() <= context.now.getTime()) return refuse(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');

  const valueOf = (name: string): string | undefined => (name === 'bucket' ? context.bucket : fields.get(name));
  const covered = new Set<string>();
  for (const condition of policy.conditions) {
    if (!Array.isArray(condition)) {
      for (const [name, expected] of Object.entries(condition)) {
        const field = name.toLowerCase();
        covered.add(field);
        if (valueOf(field) !== expected) return refuse(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", ${JSON.stringify(expected)}]`);
      }
    } else if (condition[0] === 'content-length-range') {
      const [, min, max] = condition;
      if (upload.fileSize > max) return refuse(400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size (${upload.fileSize} > ${max} bytes)`);
      if (upload.fileSize < min) return refuse(400, 'EntityTooSmall', `Your proposed upload is smaller than the minimum allowed size (${upload.fileSize} < ${min} bytes)`);
    } else {
      const [op, ref, expected] = condition;
      const field = ref.slice(1).toLowerCase();
      covered.add(field);
      const value = valueOf(field) ?? '';
      if (op === 'eq' ? value !== expected : !value.startsWith(expected)) {
        return refuse(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["${op}", "${ref}", ${JSON.stringify(expected)}]`);
      }
    }
  }
  for (const name of fields.keys()) {
    if (!UNCONDITIONED.has(name) && !name.startsWith('x-ignore-') && !covered.has(name)) {
      return refuse(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${name}`);
    }
  }
  if (!fields.get('key')) return refuse(400, 'InvalidArgument', 'Bucket POST must contain a field named \'key\'.');
  return null;
};

export { checkPostPolicy, policySignature };
export type { PostUpload, PolicyContext, PostRefusal };

interface LocalPostInput {
  /** The bucket's URL (`<endpoint>/<bucket>`), where the form is posted. */
  url: string;
  bucket: string;
  key: string;
  size: number;
  contentType: string;
  /** Bare names (`uploader`), posted as `x-amz-meta-<name>`. */
  metadata: Readonly<Record<string, string>>;
  expiresInSeconds: number;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  now: Date;
}

/**
 * A presigned POST as the SDK's createPresignedPost makes it (policy, SigV4 fields), for the local
 * credentials: the one key, the exact size and content type, and the uploader's metadata.
 */
const presignLocalPost = (input: LocalPostInput): { url: string; fields: Record<string, string> } => {
  const stamp = input.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = stamp.slice(0, 8);
  const fields: Record<string, string> = {
    key: input.key,
    'Content-Type': input.contentType,
    ...Object.fromEntries(Object.entries(input.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v])),
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${input.accessKeyId}/${date}/${input.region}/s3/aws4_request`,
    'X-Amz-Date': stamp,
  };
  const policy = {
    expiration: new Date(input.now.getTime() + input.expiresInSeconds * 1000).toISOString(),
    conditions: [{ bucket: input.bucket }, ...Object.entries(fields).map(([k, v]) => ({ [k]: v })), ['content-length-range', input.size, input.size]],
  };
  const policyBase64 = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
  return { url: input.url, fields: { ...fields, Policy: policyBase64, 'X-Amz-Signature': policySignature(policyBase64, input.secretAccessKey, date, input.region, 's3') } };
};

export { presignLocalPost };
export type { LocalPostInput };
