// Fresh data and public buckets on one s3rver per test, so release numbers start at 1 each time,
// seen through the same storage the publish and recompute functions build from their env.
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createFunctionStorage } from '../../functions/common/index.ts';
import { readReleasesIndex } from '../../shared/pipeline/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import type { S3rverHandle } from '../helpers/s3rver.ts';

let counter = 0;

/** Creates a new pair of data and public buckets and the function storage over them. */
const freshPublishBuckets = async (s3: S3rverHandle): Promise<Storage> => {
  counter += 1;
  const buckets = { data: `world-${counter}-data`, public: `world-${counter}-public` };
  for (const name of Object.values(buckets)) await s3.client.send(new CreateBucketCommand({ Bucket: name }));
  return createFunctionStorage(s3.client, buckets);
};

/** The releases listed in releases/index.json, as (number, trigger, reason, reportingYear). */
const releasesOf = async (storage: Storage) =>
  (await readReleasesIndex(storage)).releases.map((r) => ({
    number: r.number,
    trigger: r.trigger,
    reason: r.reason,
    reportingYear: r.reportingYear,
  }));

export { freshPublishBuckets, releasesOf };
