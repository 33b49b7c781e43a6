// The operators' repair: latest/ and the page brought up to the index, release folders the index
// does not list discarded once their number is claimed (a live holder's left alone unless
// forced), indexed releases untouched, and the next publish then completes.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { publish, readClaim, repairStore } from '../../../shared/pipeline/index.ts';
import { ReleaseManifest } from '../../../shared/report/index.ts';
import { createMemoryStorage, dataKeys, publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { publishInput, storeSubmission } from '../../helpers/publish-fixtures.ts';
import { expectConsistentStore, indexedBytes } from '../../helpers/release-invariants.ts';

const estonia = (core: number, id: string, uploadedAt: string) => ({
  ally: 'EST',
  submissionId: id,
  uploadedAt,
  records: [{ year: 2025, currency: 'EUR', gdp: 40_000, core, security: 200 }],
});

/** Release 1 published, and release 2 left half-written with a stray file by a dead publisher. */
const halfWritten = async (): Promise<Storage> => {
  const storage = createMemoryStorage();
  await storeSubmission(storage, estonia(1_300, 'est-1', '2026-03-01T10:00:00Z'));
  await publish(publishInput(storage));
  await storage.put('public', publicKeys.releaseFile(2, ReleaseManifest.csv.path), 'half');
  await storage.put('public', publicKeys.releaseFile(2, 'allies/XYZ.json'), '{}');
  return storage;
};

describe('repairStore', () => {
  it('discards the release folders the index does not list and leaves indexed releases alone', async () => {
    // Prepare
    const storage = await halfWritten();
    const before = await indexedBytes(storage);
    // Act
    const report = await repairStore({ storage });
    // Assess
    expect(report).toEqual({
      settled: false,
      discarded: [publicKeys.releaseFile(2, 'allies/XYZ.json'), publicKeys.releaseFile(2, ReleaseManifest.csv.path)],
      busy: null,
    });
    expect(await storage.list('public', publicKeys.releasePrefix(2))).toEqual([]);
    expect((await readClaim(storage, 2))?.claim?.state).toBe('released');
    await expectConsistentStore(storage, before);
    await storeSubmission(storage, estonia(1_400, 'est-2', '2026-04-01T10:00:00Z'));
    expect(await publish(publishInput(storage))).toMatchObject({ published: true, release: 2 });
    await expectConsistentStore(storage, before);
  });

  it('brings latest/ and the page up to the index when a publisher stopped after its commit', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await storeSubmission(storage, estonia(1_300, 'est-1', '2026-03-01T10:00:00Z'));
    await publish(publishInput(storage));
    await storage.delete('public', publicKeys.latestFile(ReleaseManifest.dataset.path));
    await storage.put('public', publicKeys.indexHtml, 'stale');
    // Act
    const report = await repairStore({ storage });
    // Assess
    expect(report).toEqual({ settled: true, discarded: [], busy: null });
    await expectConsistentStore(storage);
  });

  it('leaves a folder whose number a live publisher holds, unless forced', async () => {
    // Prepare: release 2 claimed a moment ago by a publisher on another host.
    const storage = await halfWritten();
    const claim = {
      claimVersion: 1,
      release: 2,
      token: 'theirs',
      claimedAt: new Date().toISOString(),
      leaseUntil: new Date(Date.now() + 600_000).toISOString(),
      holder: { host: `not-${hostname()}`, pid: 1, instance: 'another-process' },
      purpose: 'publish (upload)',
      state: 'active',
    };
    await storage.put('data', dataKeys.releaseClaim(2), JSON.stringify(claim));
    // Act
    const polite = await repairStore({ storage });
    const forced = await repairStore({ storage, force: true });
    // Assess
    expect(polite.discarded).toEqual([]);
    expect(polite.busy).toMatchObject({ release: 2, holder: expect.stringContaining(`publish (upload) on not-${hostname()}`) });
    expect(forced.discarded).toHaveLength(2);
    expect(forced.busy).toBeNull();
  });
});
