// The AWS side of the portal core's dependencies: a presigned POST that holds the upload to the
// one key, size, type and metadata the core decided, a short-lived GET link, and whether an
// analyst set up MFA. Each takes its SDK client, so the local cloud can pass one for s3rver.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PortalDeps, UploadToSign } from '../../shared/portal/index.ts';

/** How long a link to an annotated workbook or a template works. */
const DOWNLOAD_EXPIRY_SECONDS = 5 * 60;

/**
 * The form fields a browser posts, each an exact condition of the signed policy (the SDK makes
 * every field one), plus the size range: S3 refuses any other key, type, uploader or size.
 */
const presignedPostInput = (bucket: string, upload: UploadToSign) => ({
  Bucket: bucket,
  Key: upload.key,
  Conditions: [['content-length-range', upload.size, upload.size] as ['content-length-range', number, number]],
  Fields: {
    'Content-Type': upload.contentType,
    ...Object.fromEntries(Object.entries(upload.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value])),
  },
  Expires: upload.expiresInSeconds,
});

const createS3Presigner = (client: S3Client, uploadsBucket: string): Pick<PortalDeps, 'presignUpload' | 'signDownload'> => ({
  presignUpload: async (upload) => {
    const { url, fields } = await createPresignedPost(client, presignedPostInput(uploadsBucket, upload));
    return { url, fields };
  },
  signDownload: (key) => getSignedUrl(client, new GetObjectCommand({ Bucket: uploadsBucket, Key: key }), { expiresIn: DOWNLOAD_EXPIRY_SECONDS }),
});

export { createS3Presigner, presignedPostInput, DOWNLOAD_EXPIRY_SECONDS };
