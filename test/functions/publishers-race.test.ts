// The publisher and the recompute function running at the same moment against one S3 (s3rver),
// each with its own storage as in AWS: every round ends in consecutive complete releases, one
// from each, and nothing once indexed changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishHandler } from '../../functions/publish/index.ts';
import { createRecomputeHandler } from '../../functions/recompute/index.ts';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { sqsEvent } from '../helpers/events.ts';
import { smallReference, storeSubmission } from '../helpers/publish-fixtures.ts';
import { expectConsistentStore, indexedBytes } from '../helpers/release-invariants.ts';
import { startS3rver } from '../helpers/s3rver.ts';
import type { S3rverHandle } from '../helpers/s3rver.ts';
import { recordingLogger } from './recording-logger.ts';
import { freshBucketNames, publishStorage } from './s3-world.ts';

describe('the publisher and recompute at the same moment', () => {
  let s3: S3rverHandle;
  beforeAll(async () => {
    s3 = await startS3rver([]);
  });
  afterAll(() => s3.stop());

  it('end every round in two consecutive complete releases', async () => {
    // Prepare: each function with its own storage over the same buckets.
    const buckets = await freshBucketNames(s3);
    const seen = publishStorage(s3, buckets);
    const common = { rules: HAGUE_2025, reference: smallReference(), logger: recordingLogger().logger };
    const publisher = createPublishHandler({ ...common, storage: publishStorage(s3, buckets) });
    const recompute = createRecomputeHandler({ ...common, storage: publishStorage(s3, buckets) });
    for (let round = 1; round <= 3; round += 1) {
      await storeSubmission(seen, {
        ally: 'EST',
        submissionId: `est-${round}`,
        uploadedAt: `2026-03-0${round}T09:15:00.000Z`,
        records: [{ year: 2025, status: 'estimate', gdp: 40_000, core: 1_300 + round, security: 200 }],
      });
      const before = await indexedBytes(seen);
      // Act: an upload's publish (reporting year 2025 by default) and a recompute for 2024.
      const [batch, recomputed] = await Promise.all([
        publisher(sqsEvent([{ id: `m-${round}`, body: { reason: 'upload', ally: 'EST', submissionId: `est-${round}`, key: 'submissions/EST/a.xlsx' } }])),
        recompute({ reason: `round ${round}`, reportingYear: 2024 }),
      ]);
      // Assess
      expect(batch).toEqual({ batchItemFailures: [] });
      expect(recomputed).toMatchObject({ published: true });
      const index = await expectConsistentStore(seen, before);
      expect(index.releases).toHaveLength(2 * round);
      expect(index.releases.slice(-2).map((r) => r.trigger).sort()).toEqual(['manual', 'upload']);
    }
  });
});
