// Fresh data and public buckets on one s3rver per test, so release numbers start at 1 each time,
// seen through the same storage the publish and recompute functions build from their env (with
// conditional puts made atomic in this process, as the local cloud does: s3rver ignores them).
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createFunctionStorage } from '../../functions/common/index.ts';
import { readReleasesIndex } from '../../shared/pipeline/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import type { S3rverHandle } from '../helpers/s3rver.ts';

let counter = 0;

interface PublishBuckets {
  data: string;
  public: string;
}

/** Creates a new pair of data and public buckets. */
const freshBucketNames = async (s3: S3rverHandle): Promise<PublishBuckets> => {
  counter += 1;
  const buckets = { data: `world-${counter}-data`, public: `world-${counter}-public` };
  for (const name of Object.values(buckets)) await s3.client.send(new CreateBucketCommand({ Bucket: name }));
  return buckets;
};

/** A function's storage over those buckets: each function builds its own. */
const publishStorage = (s3: S3rverHandle, buckets: PublishBuckets): Storage =>
  createFunctionStorage(s3.client, buckets, { conditionalWrites: 'in-process' });

/** Creates a new pair of data and public buckets and the function storage over them. */
const freshPublishBuckets = async (s3: S3rverHandle): Promise<Storage> => publishStorage(s3, await freshBucketNames(s3));

/** The releases listed in releases/index.json, as (number, trigger, reason, reportingYear). */
const releasesOf = async (storage: Storage) =>
  (await readReleasesIndex(storage)).releases.map((r) => ({
    number: r.number,
    trigger: r.trigger,
    reason: r.reason,
    reportingYear: r.reportingYear,
  }));

export { freshPublishBuckets, freshBucketNames, publishStorage, releasesOf };
export type { PublishBuckets };
