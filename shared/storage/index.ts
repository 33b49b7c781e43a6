// Public surface of the storage area: the port, the key layout and the three adapters.
export { BucketRole } from './port.ts';
export type { ObjectInfo, StoredObject, PutOptions, Storage } from './port.ts';
export {
  uploadsKeys,
  dataKeys,
  publicKeys,
  classifyUploadKey,
  printableKey,
  SUBMISSIONS_PREFIX,
  RECEIPTS_PREFIX,
  RELEASES_PREFIX,
  LATEST_PREFIX,
  CURRENT_PREFIX,
  CONFIG_PREFIX,
  PUBLISHING_PREFIX,
  UNFILED,
} from './keys.ts';
export type { UploadKey, KeyProblem } from './keys.ts';
export { StorageError, InvalidKeyError, PreconditionFailedError } from './errors.ts';
export type { StorageOperation, WriteConditionName } from './errors.ts';
export { createS3Storage } from './s3.ts';
export type { S3StorageOptions } from './s3.ts';
export { createFolderStorage } from './folder.ts';
export type { FolderStorageOptions } from './folder.ts';
export { createMemoryStorage } from './memory.ts';
