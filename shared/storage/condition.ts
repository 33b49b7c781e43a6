// The conditional part of a put, shared by the adapters: which condition (if any) a put carries,
// whether it holds against the object as it is now, and the put's other options without it.
import { PreconditionFailedError, StorageError } from './errors.ts';
import type { BucketRole, PutOptions } from './port.ts';

/** Create only, or replace only the version with this (bare) ETag. */
type WriteCondition = { kind: 'create' } | { kind: 'replace'; etag: string };

/** S3 quotes ETags in responses but not in event notifications; callers may pass either. */
const bareEtag = (etag: string): string => etag.replace(/^W\//, '').replace(/^"|"$/g, '');

/** The condition of a put, or null for a plain one. Both at once, or an empty ETag, is a caller's bug. */
const conditionOf = (bucket: BucketRole, key: string, options: PutOptions | undefined): WriteCondition | null => {
  const refuse = (reason: string) => new StorageError('put', bucket, key, { message: `put of ${bucket}:${key} refused: ${reason}` });
  const ifNoneMatch = options?.ifNoneMatch;
  const ifMatch = options?.ifMatch;
  if (ifNoneMatch !== undefined && ifMatch !== undefined) {
    throw refuse('a put takes ifNoneMatch or ifMatch, not both');
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch !== '*') throw refuse(`ifNoneMatch must be '*', not ${JSON.stringify(ifNoneMatch)}`);
    return { kind: 'create' };
  }
  if (ifMatch !== undefined) {
    const etag = bareEtag(ifMatch);
    if (etag === '' || etag === '*') throw refuse(`ifMatch needs an object's ETag, not ${JSON.stringify(ifMatch)}`);
    return { kind: 'replace', etag };
  }
  return null;
};

/** The put's options without its condition (what is stored beside the object). */
const storedOptionsOf = (options: PutOptions | undefined): Omit<PutOptions, 'ifNoneMatch' | 'ifMatch'> => {
  const { ifNoneMatch: _none, ifMatch: _match, ...rest } = options ?? {};
  return rest;
};

/**
 * Throws PreconditionFailedError unless `condition` holds for the object now under the key
 * (`currentEtag` null when there is none).
 */
const checkCondition = (bucket: BucketRole, key: string, condition: WriteCondition, currentEtag: string | null): void => {
  if (condition.kind === 'create') {
    if (currentEtag !== null) throw new PreconditionFailedError(bucket, key, 'ifNoneMatch');
    return;
  }
  if (currentEtag === null) {
    throw new PreconditionFailedError(bucket, key, 'ifMatch', { detail: `there is no object to replace (expected ETag ${condition.etag})` });
  }
  if (bareEtag(currentEtag) !== condition.etag) {
    throw new PreconditionFailedError(bucket, key, 'ifMatch', {
      detail: `the object changed: its ETag is ${bareEtag(currentEtag)}, not ${condition.etag}`,
    });
  }
};

export { conditionOf, storedOptionsOf, checkCondition, bareEtag };
export type { WriteCondition };
