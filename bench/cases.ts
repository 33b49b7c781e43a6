// One benchmark case per child process, so that each one's peak memory (maxRSS) is its own.
// Usage (by bench/main.ts): node --import tsx bench/cases.ts <case> <input-path> <repeats>
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ingestSubmission } from '../shared/ingest/index.ts';
import { HAGUE_2025 } from '../shared/model/index.ts';
import { processUpload, publish, referenceFromFx } from '../shared/pipeline/index.ts';
import { loadFxTable } from '../shared/reference/index.ts';
import { BucketRole, createMemoryStorage, uploadsKeys } from '../shared/storage/index.ts';
import type { Storage } from '../shared/storage/index.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

const ingestOnce = async (path: string): Promise<void> => {
  await ingestSubmission({
    bytes: readFileSync(path),
    fileName: path.split('/').pop() ?? 'bench.xlsx',
    expectedAlly: null,
    submissionId: 'bench',
    uploadedAt: NOW.toISOString(),
    rules: HAGUE_2025,
    now: NOW,
  });
};

const exceljsOnce = async (path: string): Promise<void> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
};

/** Loads every sample into a memory store, ready to publish. */
const storeWithSamples = async (dir: string): Promise<Storage> => {
  const storage = createMemoryStorage();
  const files = readdirSync(dir).filter((f) => /^[A-Z]{3}-.*\.(xlsx|csv)$/.test(f)).sort();
  for (const [i, f] of files.entries()) {
    const key = uploadsKeys.submission(f.slice(0, 3), f);
    await storage.put(BucketRole.uploads, key, readFileSync(join(dir, f)));
    const uploadedAt = new Date(NOW.getTime() + i * 1000);
    await processUpload({ storage, key, uploadedAt, rules: HAGUE_2025, now: NOW });
  }
  return storage;
};

const publishOnce = (storage: Storage) =>
  publish({ storage, rules: HAGUE_2025, reference: referenceFromFx(loadFxTable()), trigger: 'cli', now: NOW });

const cases: Record<string, (input: string) => Promise<() => Promise<void>>> = {
  'ingest-workbook': async (input) => () => ingestOnce(input),
  'exceljs-load': async (input) => () => exceljsOnce(input),
  'publish-new-release': async (input) => {
    const storage = await storeWithSamples(input);
    // Each repeat needs unseen inputs, or the digest check would skip the work: clear the public bucket.
    return async () => {
      for (const o of await storage.list(BucketRole.public, '')) await storage.delete(BucketRole.public, o.key);
      const outcome = await publishOnce(storage);
      if (!outcome.published) throw new Error('expected a new release');
    };
  },
  'publish-unchanged': async (input) => {
    const storage = await storeWithSamples(input);
    await publishOnce(storage);
    return async () => {
      const outcome = await publishOnce(storage);
      if (outcome.published) throw new Error('expected nothing new');
    };
  },
};

const run = async (): Promise<void> => {
  const [name, input, repeatsText] = process.argv.slice(2);
  const make = name ? cases[name] : undefined;
  if (!make || !input) throw new Error(`usage: cases.ts <${Object.keys(cases).join('|')}> <input> [repeats]`);
  const repeats = Number(repeatsText ?? '5');
  const once = await make(input);
  await once(); // warm-up: module loading and JIT are not what we measure
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  process.stdout.write(`${JSON.stringify({ name, medianMs: median, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
};

await run();
