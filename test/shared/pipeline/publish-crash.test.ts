// A publish killed at any write, and publishers running at the same moment: the next publish
// always completes, the index stays gap-free, latest/ and index.html show the newest release,
// and no byte that was once indexed changes.
import { describe, expect, it } from 'vitest';
import { publish } from '../../../shared/pipeline/index.ts';
import type { PublishOutcome } from '../../../shared/pipeline/index.ts';
import { createFolderStorage, createMemoryStorage, publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { publishInput, storeSubmission } from '../../helpers/publish-fixtures.ts';
import { recordingStorage } from '../../helpers/recording-storage.ts';
import { expectConsistentStore, indexedBytes } from '../../helpers/release-invariants.ts';
import { tempDirs } from '../../helpers/temp.ts';

class Killed extends Error {
  override name = 'Killed';
}

/** A store that performs `allowed` writes (puts and deletes, any bucket) and then dies at every later one. */
const dyingAfter = (inner: Storage, allowed: number): Storage => {
  let done = 0;
  const gate = (): void => {
    if (done >= allowed) throw new Killed(`killed before write ${done + 1}`);
    done += 1;
  };
  return {
    ...inner,
    put: async (bucket, key, body, options) => {
      gate();
      await inner.put(bucket, key, body, options);
    },
    delete: async (bucket, key) => {
      gate();
      await inner.delete(bucket, key);
    },
  };
};

const polandIn = (core: number, uploadedAt: string, submissionId: string) => ({
  ally: 'POL',
  submissionId,
  uploadedAt,
  records: [{ year: 2025, status: 'estimate' as const, currency: 'PLN', gdp: 3_800_000, core, security: 25_000 }],
});

/** Release 1 published, then a new figure stored, so the next publish writes release 2. */
const storeWithPendingRelease = async (storage: Storage): Promise<void> => {
  await storeSubmission(storage, {
    ally: 'EST',
    submissionId: 'est-1',
    uploadedAt: '2026-03-01T11:00:00Z',
    records: [{ year: 2025, currency: 'EUR', gdp: 40_000, core: 1_300, security: 200 }],
  });
  await storeSubmission(storage, polandIn(170_000, '2026-03-01T10:00:00Z', 'pol-1'));
  await publish(publishInput(storage));
  await storeSubmission(storage, polandIn(180_000, '2026-04-01T10:00:00Z', 'pol-2'));
};

const temp = tempDirs('dualtrack-crash-');
const stores = [
  { name: 'memory', make: (): Storage => createMemoryStorage() },
  { name: 'folder', make: (): Storage => createFolderStorage(temp.make()) },
];

describe.each(stores)('a publish killed at every write, over the $name store', ({ make }) => {
  it('is finished by the next publish, whichever write it died at', async () => {
    // Prepare: how many writes an undisturbed publish of release 2 makes.
    const probe = make();
    await storeWithPendingRelease(probe);
    const { storage: counting, writes } = recordingStorage(probe);
    await publish(publishInput(counting));
    expect(writes.length).toBeGreaterThan(10);

    for (let k = 0; k < writes.length; k += 1) {
      const storage = make();
      await storeWithPendingRelease(storage);
      const before = await indexedBytes(storage);
      // Act: die before write k+1, then publish again.
      await expect(publish(publishInput(dyingAfter(storage, k)))).rejects.toBeInstanceOf(Killed);
      const next = await publish(publishInput(storage, { now: new Date('2026-11-28T00:00:00.000Z') }));
      // Assess
      expect(next.release, `killed after ${k} writes`).toBe(2);
      const index = await expectConsistentStore(storage, before);
      expect(index.releases.map((r) => r.number), `killed after ${k} writes`).toEqual([1, 2]);
      expect(index.releases[1]?.digest).toBe(next.digest);
      // And a publish after that has nothing left to do.
      expect(await publish(publishInput(storage))).toMatchObject({ published: false, release: 2, written: [] });
    }
  });

  it('is finished even when the next publish dies too, at every write', async () => {
    // Prepare: count the writes of a publish that finishes a release killed mid-folder.
    const probe = make();
    await storeWithPendingRelease(probe);
    await expect(publish(publishInput(dyingAfter(probe, 4)))).rejects.toBeInstanceOf(Killed);
    const { storage: counting, writes } = recordingStorage(probe);
    await publish(publishInput(counting));

    for (let k = 0; k < writes.length; k += 1) {
      const storage = make();
      await storeWithPendingRelease(storage);
      const before = await indexedBytes(storage);
      await expect(publish(publishInput(dyingAfter(storage, 4)))).rejects.toBeInstanceOf(Killed);
      // Act
      await expect(publish(publishInput(dyingAfter(storage, k)))).rejects.toBeInstanceOf(Killed);
      await publish(publishInput(storage));
      // Assess
      const index = await expectConsistentStore(storage, before);
      expect(index.releases.map((r) => r.number), `second publish killed after ${k} writes`).toEqual([1, 2]);
    }
  });
});

describe.each(stores)('publishers running at the same moment, over the $name store', ({ make }) => {
  it('end in consecutive complete releases, each publisher with its own', async () => {
    // Prepare
    const storage = make();
    await storeWithPendingRelease(storage);
    const before = await indexedBytes(storage);
    // Act: an upload's publish and a recompute for another reporting year start together.
    const outcomes: PublishOutcome[] = await Promise.all([
      publish(publishInput(storage, { trigger: 'upload', reason: 'upload: POL (1 submission)' })),
      publish(publishInput(storage, { trigger: 'manual', reason: 'look back', reportingYear: 2024 })),
    ]);
    // Assess
    expect(outcomes.map((o) => o.release).sort()).toEqual([2, 3]);
    const index = await expectConsistentStore(storage, before);
    const triggers = new Map(index.releases.map((r) => [r.number, r.trigger]));
    expect([triggers.get(outcomes[0]?.release ?? 0), triggers.get(outcomes[1]?.release ?? 0)]).toEqual(['upload', 'manual']);
  });

  it('publish the same dataset once when both compute the same figures', async () => {
    const storage = make();
    await storeWithPendingRelease(storage);
    const outcomes = await Promise.all([publish(publishInput(storage)), publish(publishInput(storage)), publish(publishInput(storage))]);
    expect(outcomes.filter((o) => o.published)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.release))).toEqual(new Set([2]));
    await expectConsistentStore(storage);
  });
});

describe.each(stores)('a publisher that read the index just before another indexed its release, over the $name store', ({ make }) => {
  it('writes nothing under that number, though its holder has ended', async () => {
    // Prepare: the index before release 2, then release 2 published by a publish that has
    // ended (its claim stays active, as the record of who wrote it).
    const storage = make();
    await storeWithPendingRelease(storage);
    const stale = await storage.get('public', publicKeys.releasesIndex);
    await publish(publishInput(storage));
    const before = await indexedBytes(storage);
    let served = false;
    const lagging: Storage = {
      ...storage,
      get: async (bucket, key) => {
        if (bucket === 'public' && key === publicKeys.releasesIndex && !served) {
          served = true;
          return stale;
        }
        return storage.get(bucket, key);
      },
    };

    // Act: a recompute that first sees release 1 as the last.
    const outcome = await publish(publishInput(lagging, { trigger: 'manual', reason: 'look back', reportingYear: 2024 }));

    // Assess: release 2 untouched, and the recompute's own release after it.
    expect(outcome.release).toBe(3);
    await expectConsistentStore(storage, before);
  });
});
