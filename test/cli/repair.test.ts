// `dualtrack repair` against a running local cloud: a release folder a dead publisher left
// beside the index is discarded, latest/ stays on the indexed release, and a publish follows.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../local/index.ts';
import { ReleaseManifest } from '../../shared/report/index.ts';
import { publicKeys, uploadsKeys } from '../../shared/storage/index.ts';
import { putObject, startTestCloud } from '../e2e/helpers/cloud.ts';
import type { TestCloud } from '../e2e/helpers/cloud.ts';
import { runCli } from '../helpers/cli.ts';
import { expectConsistentStore, indexedBytes } from '../helpers/release-invariants.ts';
import { tempDirs } from '../helpers/temp.ts';

describe('dualtrack repair on a local cloud', () => {
  const temp = tempDirs('dualtrack-repair-cli-', 'all');
  let t: TestCloud;
  beforeAll(async () => {
    t = await startTestCloud();
    await putObject(t.cloud, uploadsKeys.submission('EST', 'EST-estonia.xlsx'), await readFile(join(SAMPLES_DIR, 'EST-estonia.xlsx')));
    await t.cloud.idle();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('discards a release folder the index does not list, then publishes (nothing new here)', async () => {
    // Prepare: what a publisher killed mid-folder leaves.
    await t.cloud.storage.put('public', publicKeys.releaseFile(2, ReleaseManifest.csv.path), 'half a release');
    const before = await indexedBytes(t.cloud.storage);
    // Act
    const result = await runCli(['repair', '--endpoint', t.cloud.endpoint], { cwd: temp.make() });
    // Assess
    expect(result.code, result.err).toBe(0);
    expect(result.out.split('\n')).toEqual([
      `Repairing the local cloud at ${t.cloud.endpoint}...`,
      'latest/ and index.html matched the index.',
      'Discarded 1 file(s) of release folder(s) the index does not list: releases/2.',
      expect.stringMatching(/^Nothing changed: release 1 is still the latest/),
    ]);
    expect(await t.cloud.storage.list('public', publicKeys.releasePrefix(2))).toEqual([]);
    await expectConsistentStore(t.cloud.storage, before);
  });
});
