// The local cloud restarted on the same store, as `npm start` run twice does: the demo uploads
// the same sample files again, every receipt says which submission it repeats, and no new
// release appears. Uploads for one ally arriving together all reach its current figures.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSamples, runDemo } from '../../cli/clients/demo.ts';
import { main } from '../../cli/main.ts';
import { createTerminal } from '../../cli/print/terminal.ts';
import { SAMPLES_DIR, startLocalCloud } from '../../local/index.ts';
import type { LocalCloud } from '../../local/index.ts';
import type { Receipt } from '../../shared/model/index.ts';
import { readAllCurrent, readReleasesIndex } from '../../shared/pipeline/index.ts';
import { dataKeys, uploadsKeys } from '../../shared/storage/index.ts';
import { capturingIo } from '../helpers/cli.ts';
import { submissionWorkbook } from '../helpers/submission-workbooks.ts';
import { tempDirs } from '../helpers/temp.ts';
import { putObject } from './helpers/cloud.ts';

const SOME_SAMPLES = ['EST', 'LVA', 'POL'];

describe('the local cloud restarted on the same store', () => {
  const temp = tempDirs('p-ingest-restart-', 'all');
  let dir: string;
  let samples: string;

  const start = (): Promise<LocalCloud> => startLocalCloud({ dir, port: 0, delivery: { batchWindowMs: 300, retryBaseMs: 20 } });
  const receipts = async (cloud: LocalCloud, receipted: (r: Receipt) => boolean): Promise<Receipt[]> => {
    const out: Receipt[] = [];
    for (const ally of SOME_SAMPLES) {
      for (const o of await cloud.storage.list('uploads', uploadsKeys.receiptsPrefix(ally))) {
        if (!o.key.endsWith('.json')) continue;
        const r = JSON.parse((await cloud.storage.get('uploads', o.key))?.body.toString('utf8') ?? '{}') as Receipt;
        if (receipted(r)) out.push(r);
      }
    }
    return out;
  };

  beforeAll(async () => {
    dir = temp.make();
    samples = temp.make();
    await mkdir(samples, { recursive: true });
    for (const s of (await listSamples(SAMPLES_DIR)).filter((x) => SOME_SAMPLES.includes(x.ally))) await copyFile(s.path, join(samples, s.fileName));
  });

  it('publishes nothing new the second time, and each receipt names the submission it repeats', async () => {
    // Prepare: a first run of the demo, stopped.
    const first = await start();
    const firstRun = await runDemo(first, samples, createTerminal(() => undefined));
    const firstReceipts = await receipts(first, () => true);
    await first.stop();
    // Act: the same store, started again, and the same files uploaded again.
    const second = await start();
    try {
      const secondRun = await runDemo(second, samples, createTerminal(() => undefined));
      // Assess
      expect(firstRun.release?.number).toBe(1);
      expect(secondRun.release?.number).toBe(1);
      expect((await readReleasesIndex(second.storage)).releases.map((r) => r.number)).toEqual([1]);
      const firstIds = new Set(firstReceipts.map((r) => r.submissionId));
      const again = await receipts(second, (r) => !firstIds.has(r.submissionId));
      expect(again).toHaveLength(SOME_SAMPLES.length);
      for (const r of again) {
        const original = firstReceipts.find((f) => f.ally === r.ally);
        expect(r.status).not.toBe('rejected');
        expect(r.findings.filter((f) => f.code === 'identical-upload').map((f) => f.params?.duplicateOf)).toEqual([original?.submissionId]);
      }
      // The figures still name the first run's submissions.
      for (const current of await readAllCurrent(second.storage)) {
        const original = firstReceipts.find((f) => f.ally === current.ally)?.submissionId;
        expect(new Set(current.years.map((y) => y.figure.provenance.submissionId))).toEqual(new Set([original]));
      }
    } finally {
      await second.stop();
    }
  }, 300_000);
});

describe('uploads for one ally arriving together on the local cloud', () => {
  const temp = tempDirs('p-ingest-together-', 'all');
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startLocalCloud({ dir: temp.make(), port: 0, delivery: { batchWindowMs: 300, retryBaseMs: 20 } });
  });
  afterAll(() => cloud?.stop());

  it("keeps every one of them in the ally's current figures", async () => {
    // Prepare
    const files = await Promise.all(
      [0, 1, 2, 3].map((i) => submissionWorkbook('Estonia', 'EUR', [{ year: 2020 + i, gdp: 40_000 + i, core: 1_300 + i, security: 200 }])),
    );
    // Act
    await Promise.all(files.map((body, i) => putObject(cloud, uploadsKeys.submission('EST', `part ${i}.xlsx`), body)));
    await cloud.idle();
    // Assess
    const [est] = await readAllCurrent(cloud.storage);
    expect(est?.submissions).toHaveLength(4);
    expect(est?.years.map((y) => [y.year, y.figure.core.total])).toEqual([
      [2020, 1_300],
      [2021, 1_301],
      [2022, 1_302],
      [2023, 1_303],
    ]);
    expect(await cloud.deadLetters()).toEqual([]);
  });

  it('remakes a damaged current-figures object from the archive with `recompute --rebuild`', async () => {
    // Prepare: the object as ingest left it, then damaged by hand.
    await cloud.idle();
    const [before] = await readAllCurrent(cloud.storage);
    await cloud.storage.put('data', dataKeys.current('EST'), '{"damaged": true}');
    const { io, lines } = capturingIo(temp.make(), process.env);
    // Act
    const code = await main(['recompute', '--rebuild', '--endpoint', cloud.endpoint], io);
    // Assess
    expect(code, lines.join('\n')).toBe(0);
    expect(lines[0]).toBe(`Rebuilding the current figures from the archive and recomputing on the local cloud at ${cloud.endpoint}...`);
    const [after] = await readAllCurrent(cloud.storage);
    expect(after).toStrictEqual(before);
  });
});
