// Two `dualtrack process` runs on one folder store at the same moment, as two real processes:
// each round ends with consecutive complete releases, the newest holding every ally either run
// accepted, and nothing once indexed changed.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import { createFolderStorage, publicKeys } from '../../shared/storage/index.ts';
import { expectConsistentStore, indexedBytes } from '../helpers/release-invariants.ts';
import { tempDirs } from '../helpers/temp.ts';
import { startTsChild } from '../helpers/ts-child.ts';

const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));
const CLI = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const temp = tempDirs('dualtrack-process-race-');

describe('two process runs on one folder store at once', () => {
  it('end every round in consecutive complete releases with every accepted ally published', async () => {
    // Prepare: three rounds; in each, two runs of three different sample workbooks.
    const dir = temp.make();
    const samples = (await readdir(SAMPLES_DIR)).filter((f) => f.endsWith('.xlsx')).sort();
    const rounds = 3;
    const perRun = 3;
    const store = join(dir, 'store');
    const storage = createFolderStorage(store);
    const published = new Set<string>();
    for (let round = 0; round < rounds; round += 1) {
      const runs = [0, 1].map((r) => samples.slice((2 * round + r) * perRun, (2 * round + r + 1) * perRun));
      const inputs = await Promise.all(
        runs.map(async (files, r) => {
          const folder = join(dir, `round-${round}-${r}`);
          await mkdir(folder);
          for (const f of files) await copyFile(join(SAMPLES_DIR, f), join(folder, f));
          return folder;
        }),
      );
      const before = await indexedBytes(storage);
      // Act
      const results = await Promise.all(inputs.map((folder) => startTsChild(CLI, ['process', folder, '--out', store]).done));
      // Assess
      for (const r of results) expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      for (const files of runs) for (const f of files) published.add(f.slice(0, 3));
      const index = await expectConsistentStore(storage, before);
      const last = index.releases.at(-1);
      const dataset = ComplianceDatasetSchema.parse(
        JSON.parse((await storage.get('public', publicKeys.releaseFile(last?.number ?? 0, ReleaseManifest.dataset.path)))?.body.toString() ?? '{}'),
      );
      const withFigures = dataset.allies.filter((a) => a.years.length > 0).map((a) => a.iso3);
      expect(withFigures.sort(), `round ${round}`).toEqual([...published].sort());
    }
  }, 300_000);
});
