// Which bucket names and object keys the local S3 can hold. s3rver keeps each object as files
// named after its key (`<bucket>/<a>/<b>._S3rver_object`, its metadata and its MD5 beside it),
// so a key that S3 itself would take can still escape the bucket's folder (`..`), collapse into
// another key (`.`), or exceed what a file name can be. Those are refused with the S3 error the
// client would understand, before any file is touched. Pure: the store (s3-store.ts) applies it.

/** S3's own limit on a key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;
/** The longest file name most file systems take (ext4, xfs, apfs), in bytes. */
const MAX_FILE_NAME_BYTES = 255;
/** s3rver's longest suffix after an object's last key segment. */
const LONGEST_SUFFIX = '._S3rver_metadata.json';
/** The last segment of a key, in bytes, so that its metadata file still has a legal name. */
const MAX_LAST_SEGMENT_BYTES = MAX_FILE_NAME_BYTES - Buffer.byteLength(LONGEST_SUFFIX);

/** The S3 error codes a refused key is answered with (both 400 Bad Request). */
type KeyErrorCode = 'InvalidArgument' | 'KeyTooLongError';

interface KeyProblem {
  code: KeyErrorCode;
  message: string;
}

/** What S3 allows as a bucket name (and so nothing like `..` or `.hidden`). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*$/;
const isBucketName = (name: string): boolean => name.length >= 3 && name.length <= 63 && BUCKET_NAME.test(name) && !name.endsWith('-');

// C0 controls and DEL: no file name should hold them, and XML 1.0 listings cannot carry most.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const shown = (key: string): string => JSON.stringify(key.length > 80 ? `${key.slice(0, 77)}...` : key);

/** An S3 error to answer a request with before s3rver sees it. */
interface RequestProblem {
  status: 400 | 404;
  code: 'InvalidArgument' | 'NoSuchUpload';
  message: string;
}

/** What s3rver's multipart upload ids look like (it makes them); anything else names no upload. */
const UPLOAD_ID = /^[A-Za-z0-9]+$/;

/**
 * What is wrong with a request's URL before any bucket or key is read from it, or null. Two
 * things would otherwise reach the file system: a `.` or `..` path segment, plain or
 * percent-encoded (URL handling resolves them, so `/uploads/%2E%2E/public/x` names another
 * bucket), and a multipart `uploadId` that is a path (s3rver joins it to a folder name).
 */
const requestProblem = (url: string): RequestProblem | null => {
  const [path = '', query = ''] = url.split('?', 2);
  for (const raw of path.split('/')) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // not percent-encoding after all: the raw text is the segment
    }
    if (segment === '.' || segment === '..') {
      return {
        status: 400,
        code: 'InvalidArgument',
        message: 'The path has a "." or ".." segment; the local S3 keeps objects as files and refuses a path that would leave its bucket or stand for another.',
      };
    }
  }
  const uploadId = new URLSearchParams(query).get('uploadId');
  if (uploadId !== null && !UPLOAD_ID.test(uploadId)) {
    return { status: 404, code: 'NoSuchUpload', message: 'The specified multipart upload does not exist.' };
  }
  return null;
};

/** Why the local S3 cannot hold `key`, or null when it can. The empty key (bucket-level) passes. */
const keyProblem = (key: string): KeyProblem | null => {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    return { code: 'KeyTooLongError', message: `The key is ${Buffer.byteLength(key)} bytes long; S3 allows at most ${MAX_KEY_BYTES}.` };
  }
  if (CONTROL.test(key)) {
    return { code: 'InvalidArgument', message: `The key ${shown(key)} holds a control character (a newline, tab or the like); the local S3 refuses it.` };
  }
  const segments = key.split('/');
  if (segments.some((s) => s === '.' || s === '..')) {
    return {
      code: 'InvalidArgument',
      message: `The key ${shown(key)} has a "." or ".." between slashes; the local S3 keeps objects as files and refuses a key that would leave its bucket or stand for another.`,
    };
  }
  const last = segments.at(-1) ?? '';
  if (Buffer.byteLength(last) > MAX_LAST_SEGMENT_BYTES) {
    return {
      code: 'KeyTooLongError',
      message: `The file name ${shown(last)} is ${Buffer.byteLength(last)} bytes long; the local S3 stores it as a file and takes at most ${MAX_LAST_SEGMENT_BYTES}.`,
    };
  }
  const folder = segments.slice(0, -1).find((s) => Buffer.byteLength(s) > MAX_FILE_NAME_BYTES);
  if (folder !== undefined) {
    return {
      code: 'KeyTooLongError',
      message: `The folder name ${shown(folder)} is ${Buffer.byteLength(folder)} bytes long; the local S3 stores it as a folder and takes at most ${MAX_FILE_NAME_BYTES}.`,
    };
  }
  return null;
};

export { keyProblem, isBucketName, requestProblem, MAX_KEY_BYTES, MAX_LAST_SEGMENT_BYTES };
export type { KeyProblem, KeyErrorCode, RequestProblem };
