// Benchmark pairs measured inside one process, each A and B run back to back, alternating which
// goes first, after a warm-up of each (module loading and JIT are not what is measured).
// Usage (by bench/cases.ts): node --import tsx bench/pairs.ts <pair> <repeats> <params as JSON>
// It prints one line, BENCH {"a": [ms...], "b": [ms...]}.
import { mkdtemp, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import * as z from 'zod';
import { ingestSubmission } from '../shared/ingest/index.ts';
import { HAGUE_2025 } from '../shared/model/index.ts';
import { processUpload, publish, referenceFromFx } from '../shared/pipeline/index.ts';
import { loadFxTable } from '../shared/reference/index.ts';
import { BucketRole, createFolderStorage, createMemoryStorage, uploadsKeys } from '../shared/storage/index.ts';
import type { Storage } from '../shared/storage/index.ts';
import { historyCsv } from './fixtures.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const REFERENCE = referenceFromFx(loadFxTable());

type Step = () => Promise<void>;

const ParamsSchema = z.object({
  /** One workbook (row-bound). */
  file: z.string().optional(),
  /** Sample submissions, named like samples/ (`EST-estonia.xlsx`): the ally is the prefix. */
  files: z.array(z.string()).optional(),
  /** Submissions per ally in the long history. */
  history: z.number().int().positive().optional(),
  /** Where folder stores are made. */
  dir: z.string().optional(),
});
type Params = z.infer<typeof ParamsSchema>;

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`this pair needs ${what}`);
  return value;
};

const allyOf = (path: string): string => basename(path).slice(0, 3);

const ingestOnce = async (bytes: Buffer, fileName: string): Promise<void> => {
  await ingestSubmission({ bytes, fileName, expectedAlly: null, submissionId: 'bench', uploadedAt: NOW.toISOString(), rules: HAGUE_2025, now: NOW });
};

const exceljsOnce = async (bytes: Buffer): Promise<void> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
};

const publishOnce = (storage: Storage) => publish({ storage, rules: HAGUE_2025, reference: REFERENCE, trigger: 'cli', now: NOW });

let clock = 0;
/** Upload times one second apart, in the order uploads are made, so the newest wins. */
const nextUploadTime = (): Date => new Date(Date.UTC(2026, 0, 1) + 1000 * clock++);

/** Stores `body` under `key` and runs ingest on it, as an upload event would. */
const upload = async (storage: Storage, key: string, body: Buffer | string): Promise<void> => {
  await storage.put(BucketRole.uploads, key, Buffer.from(body));
  await processUpload({ storage, key, uploadedAt: nextUploadTime(), rules: HAGUE_2025, now: NOW });
};

/** A memory store holding every sample once. */
const storeWithSamples = async (files: readonly string[]): Promise<Storage> => {
  const storage = createMemoryStorage();
  for (const f of files) await upload(storage, uploadsKeys.submission(allyOf(f), basename(f)), await readFile(f));
  return storage;
};

/**
 * A folder store (files on disk, as `dualtrack process` keeps) where every ally of `files` has
 * `versions` accepted submissions, built through the pipeline itself (upload and ingest), so it
 * holds what a real history holds.
 */
const storeWithHistory = async (dir: string, files: readonly string[], versions: number): Promise<Storage> => {
  const storage = createFolderStorage(await mkdtemp(join(dir, `history-${versions}-`)));
  const allies = [...new Set(files.map(allyOf))];
  for (let v = 0; v < versions; v++) {
    for (const ally of allies) await upload(storage, uploadsKeys.submission(ally, `history v${v}.csv`), historyCsv(ally, v));
  }
  return storage;
};

const PAIRS: Record<string, (p: Params) => Promise<[Step, Step]>> = {
  /** A: ingest of each workbook (guard, read, checks, receipt); B: exceljs loading the same bytes. */
  ingest: async (p) => {
    const books = await Promise.all(need(p.files, 'workbooks').map(async (f) => ({ name: basename(f), bytes: await readFile(f) })));
    return [
      async () => {
        for (const b of books) await ingestOnce(b.bytes, b.name);
      },
      async () => {
        for (const b of books) await exceljsOnce(b.bytes);
      },
    ];
  },
  /** A: ingest refusing a workbook past the row limit; B: exceljs parsing it all. */
  'row-bound': async (p) => {
    const bytes = await readFile(need(p.file, 'a file'));
    return [() => ingestOnce(bytes, 'huge.xlsx'), () => exceljsOnce(bytes)];
  },
  /** A: a publish whose inputs did not change (digest equal); B: a publish of a new release. */
  publish: async (p) => {
    const files = need(p.files, 'sample files');
    const unchanged = await storeWithSamples(files);
    await publishOnce(unchanged);
    const fresh = await storeWithSamples(files);
    return [
      async () => {
        if ((await publishOnce(unchanged)).published) throw new Error('expected nothing new');
      },
      async () => {
        // A new release needs unseen inputs, or the digest check skips the work: empty the public bucket.
        for (const o of await fresh.list(BucketRole.public, '')) await fresh.delete(BucketRole.public, o.key);
        if (!(await publishOnce(fresh)).published) throw new Error('expected a new release');
      },
    ];
  },
  /**
   * A: one upload (new figures for an ally, so not an identical re-upload, which publishes
   * nothing), its ingest and the publish it triggers, into a store where each ally has
   * `history` submissions; B: the same into a store with one each.
   */
  history: async (p) => {
    const files = need(p.files, 'sample files');
    const ally = allyOf(need(files[0], 'a sample'));
    const dir = need(p.dir, 'a folder for the stores');
    const long = await storeWithHistory(dir, files, need(p.history, 'a history length'));
    const short = await storeWithHistory(dir, files, 1);
    await publishOnce(long);
    await publishOnce(short);
    let n = 0;
    const step = (storage: Storage) => async () => {
      const version = 1_000 + n++;
      await upload(storage, uploadsKeys.submission(ally, `new upload ${version}.csv`), historyCsv(ally, version));
      if (!(await publishOnce(storage)).published) throw new Error('expected a new release');
    };
    return [step(long), step(short)];
  },
};

const run = async (): Promise<void> => {
  const [name, repeatsText, paramsText] = process.argv.slice(2);
  const make = name ? PAIRS[name] : undefined;
  if (!make) throw new Error(`usage: pairs.ts <${Object.keys(PAIRS).join('|')}> <repeats> <params JSON>`);
  const [a, b] = await make(ParamsSchema.parse(JSON.parse(paramsText ?? '{}')));
  const timed = async (step: Step): Promise<number> => {
    const start = process.hrtime.bigint();
    await step();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  await a();
  await b();
  const times = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < Number(repeatsText ?? '5'); i++) {
    if (i % 2 === 1) times.b.push(await timed(b));
    times.a.push(await timed(a));
    if (i % 2 === 0) times.b.push(await timed(b));
  }
  process.stdout.write(`BENCH ${JSON.stringify(times)}\n`);
};

await run();
