// S3 event notifications carry object keys form-URL-encoded: a space arrives as `+`, a literal
// plus as `%2B`, and other bytes as UTF-8 percent escapes. Using the raw key would look up an
// object that does not exist.
import { FunctionError } from './errors.ts';

/** The object key as stored, from the key as it appears in an S3 event record. */
const decodeS3Key = (encoded: string): string => {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch (error) {
    throw new FunctionError(`Malformed URL-encoded S3 key: ${encoded}`, { cause: error });
  }
};

/** The inverse, as AWS writes keys into events; test factories and the local runtime use it. */
const encodeS3Key = (key: string): string =>
  encodeURIComponent(key)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');

export { decodeS3Key, encodeS3Key };
