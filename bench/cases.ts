// The cases of `npm run bench`, each a comparison of A against a yardstick B measured side by
// side in one run (bench/run.ts interleaves them): what a user waits for against what they would
// otherwise use or what the code cannot do without. Child processes for what a user runs (the
// CLI, a Lambda bundle's cold import, the pandas script), so time is wall time from spawn to exit
// and peak memory is the process's own; one child running pairs.ts for what happens in-process.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BUNDLE_BUDGET_BYTES, buildBundle } from '../cdk/bundle/build.ts';
import { DEFAULT_LIMITS } from '../shared/ingest/index.ts';
import { writeBigWorkbook, writeHugeWorkbook } from './fixtures.ts';
import { interleaved, REPORT_RSS, runOnce } from './run.ts';
import type { Command, Run } from './run.ts';
import { median, pairedRatio, relativeSpread } from './stats.ts';
import type { PairedRatio } from './stats.ts';

interface BenchContext {
  root: string;
  /** A scratch folder, removed after the run. */
  tmp: string;
  /** Tiny sizes, one run, no warm-up: does the bench run at all (the smoke test). */
  quick: boolean;
  /** Paired runs per case (each of A and B) after a warm-up of each; null: each case's own. */
  repeats: number | null;
  /** The sample submissions `process` is given. */
  samples: readonly string[];
  progress: (line: string) => void;
}

interface Side {
  label: string;
  medianMs: number;
  /** Median peak resident memory, MiB, for child processes. */
  rssMiB: number | null;
  /** Interquartile range over median of its runs (0.1 = 10%). */
  spread: number;
  runs: number;
}

interface Goal {
  text: string;
  met: boolean;
}

interface CaseResult {
  id: string;
  title: string;
  a: Side;
  /** Null when the yardstick is not installed (`note` says how to install it). */
  b: Side | null;
  /** A's time over B's, of the paired runs: median and quartiles. */
  ratio: PairedRatio | null;
  goals: Goal[];
  note?: string;
}

interface BundleSize {
  fn: string;
  bytes: number;
  budgetBytes: number;
}


/**
 * Paired runs per case unless --repeats says: three for the cases that take tens of seconds a
 * run on two busy cores (the whole `process`, the 8 MB `check`), five for the rest.
 */
const REPEATS = { heavy: 3, light: 5 } as const;
const repeatsOf = (ctx: BenchContext, weight: keyof typeof REPEATS): number => (ctx.quick ? 1 : (ctx.repeats ?? REPEATS[weight]));

const sideOf = (label: string, runs: readonly Run[]): Side => {
  const rss = runs.flatMap((r) => (r.rssMiB === null ? [] : [r.rssMiB]));
  const ms = runs.map((r) => r.ms);
  return { label, medianMs: median(ms), rssMiB: rss.length > 0 ? median(rss) : null, spread: relativeSpread(ms), runs: runs.length };
};

const node = (ctx: BenchContext, args: readonly string[], extra: Partial<Command> = {}): Command => ({
  program: process.execPath,
  args: [...REPORT_RSS, ...args],
  cwd: ctx.root,
  ...extra,
});

const tsNode = (ctx: BenchContext, args: readonly string[], extra: Partial<Command> = {}): Command => node(ctx, ['--import', 'tsx', ...args], extra);

const PANDAS_SCRIPT = 'bench/pandas_read.py';
const PANDAS_INSTALL = 'pandas and openpyxl are not installed for python3: sudo apt-get install python3-pandas python3-openpyxl (or pip install pandas openpyxl)';

/**
 * The Python that has pandas and openpyxl: the one on PATH, else Debian's (a pyenv or venv
 * python3 on PATH may lack what apt installed); null when neither has them.
 */
const pandasPython = (() => {
  let found: string | null | undefined;
  return (): string | null => {
    found ??= ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' }).status === 0) ?? null;
    return found;
  };
})();

/** Measures two child-process commands interleaved; B null measures A alone. */
const childPair = async (
  ctx: BenchContext,
  spec: {
    id: string;
    title: string;
    weight: keyof typeof REPEATS;
    a: [string, () => Promise<Run>];
    b: [string, () => Promise<Run>] | null;
    goals: (r: CaseResult) => Goal[];
    note?: string;
  },
): Promise<CaseResult> => {
  ctx.progress(`${spec.title}…`);
  const runs = await interleaved(spec.a[1], spec.b?.[1] ?? null, repeatsOf(ctx, spec.weight), !ctx.quick);
  const a = sideOf(spec.a[0], runs.a);
  const b = spec.b ? sideOf(spec.b[0], runs.b) : null;
  const ratio = b ? pairedRatio(runs.a.map((r) => r.ms), runs.b.map((r) => r.ms)) : null;
  const result: CaseResult = { id: spec.id, title: spec.title, a, b, ratio, goals: [], ...(spec.note ? { note: spec.note } : {}) };
  return { ...result, goals: spec.goals(result) };
};

const BENCH_LINE = /^BENCH (.*)$/m;

/** Runs a pair of bench/pairs.ts in one child and reads its times. */
const inProcessPair = async (
  ctx: BenchContext,
  spec: { id: string; title: string; pair: string; params: Record<string, unknown>; labels: [string, string]; goals: (r: CaseResult) => Goal[] },
): Promise<CaseResult> => {
  ctx.progress(`${spec.title}…`);
  const run = await runOnce(tsNode(ctx, ['bench/pairs.ts', spec.pair, String(repeatsOf(ctx, 'light')), JSON.stringify(spec.params)]));
  const line = BENCH_LINE.exec(run.stdout)?.[1];
  if (line === undefined) throw new Error(`bench/pairs.ts ${spec.pair} printed no BENCH line:\n${run.stdout.slice(-2000)}`);
  const times = JSON.parse(line) as { a: number[]; b: number[] };
  const side = (label: string, ms: number[]): Side => ({ label, medianMs: median(ms), rssMiB: null, spread: relativeSpread(ms), runs: ms.length });
  const result: CaseResult = {
    id: spec.id,
    title: spec.title,
    a: side(spec.labels[0], times.a),
    b: side(spec.labels[1], times.b),
    ratio: pairedRatio(times.a, times.b),
    goals: [],
  };
  return { ...result, goals: spec.goals(result) };
};

const timeGoal = (r: CaseResult, max: number): Goal[] => (r.ratio ? [{ text: `time ≤ ${max.toFixed(1)}×`, met: r.ratio.median <= max }] : []);
const memoryGoal = (r: CaseResult, maxMiB: number): Goal[] =>
  r.a.rssMiB === null ? [] : [{ text: `peak ≤ ${maxMiB} MiB`, met: r.a.rssMiB <= maxMiB }];

const pandas = (ctx: BenchContext, files: readonly string[]): [string, () => Promise<Run>] | null => {
  const python = pandasPython();
  return python === null ? null : ['pandas + openpyxl', () => runOnce({ program: python, args: [PANDAS_SCRIPT, ...files], cwd: ctx.root })];
};

/** `dualtrack process` of the samples into a fresh folder each time, against pandas reading them. */
const processSamples = async (ctx: BenchContext): Promise<CaseResult> => {
  const yardstick = pandas(ctx, ctx.samples);
  return childPair(ctx, {
    id: 'process-vs-pandas',
    title: `process of ${ctx.samples.length} samples vs a pandas script reading them`,
    weight: 'heavy',
    a: ['dualtrack process', async () => runOnce(tsNode(ctx, ['cli/main.ts', 'process', ...ctx.samples, '-o', await mkdtemp(join(ctx.tmp, 'process-'))]))],
    b: yardstick,
    goals: (r) => timeGoal(r, 1.0),
    ...(yardstick ? {} : { note: PANDAS_INSTALL }),
  });
};

/** `dualtrack check` of a legal workbook of 8 MB (time and peak memory), against pandas. */
const checkBigWorkbook = async (ctx: BenchContext): Promise<CaseResult> => {
  const target = ctx.quick ? 200_000 : 8_000_000;
  const sample = ctx.samples.find((f) => f.endsWith('.xlsx'));
  if (!sample) throw new Error('the bench needs a sample workbook (.xlsx)');
  ctx.progress(`Preparing a ${(target / 1e6).toFixed(1)} MB workbook…`);
  const big = await writeBigWorkbook(join(ctx.tmp, 'big.xlsx'), sample, target);
  const yardstick = pandas(ctx, [big.path]);
  return childPair(ctx, {
    id: 'check-big-vs-pandas',
    title: `check of a ${(big.bytes / 1e6).toFixed(1)} MB workbook vs pandas reading it`,
    weight: 'heavy',
    // Exit 1 is a rejected workbook: the check ran all the same.
    a: ['dualtrack check', () => runOnce(tsNode(ctx, ['cli/main.ts', 'check', big.path], { okCodes: [0, 1] }))],
    b: yardstick,
    goals: (r) => [...timeGoal(r, 1.0), ...memoryGoal(r, 256)],
    ...(yardstick ? {} : { note: PANDAS_INSTALL }),
  });
};

const ingestVsLoad = (ctx: BenchContext): Promise<CaseResult> => {
  const books = ctx.samples.filter((f) => f.endsWith('.xlsx'));
  return inProcessPair(ctx, {
    id: 'ingest-vs-exceljs',
    title: `ingest of ${books.length} sample workbooks vs a bare exceljs load`,
    pair: 'ingest',
    params: { files: books },
    labels: ['ingestSubmission', 'exceljs load'],
    goals: (r) => timeGoal(r, 1.3),
  });
};

const uploadIntoHistory = (ctx: BenchContext): Promise<CaseResult> => {
  const history = ctx.quick ? 2 : 50;
  return inProcessPair(ctx, {
    id: 'upload-history',
    title: `one upload + publish into a store of ${history}× history vs 1×`,
    pair: 'history',
    params: { files: ctx.samples, history, dir: ctx.tmp },
    labels: [`${history} per ally`, '1 per ally'],
    goals: (r) => timeGoal(r, 1.5),
  });
};

/** A workbook past the reader's row limit: refused by the bound, against exceljs parsing it all. */
const rowBound = async (ctx: BenchContext): Promise<CaseResult> => {
  const rows = ctx.quick ? DEFAULT_LIMITS.maxRows + 1 : 200_000;
  ctx.progress(`Preparing a ${rows.toLocaleString('en')}-row workbook…`);
  const huge = await writeHugeWorkbook(join(ctx.tmp, 'huge.xlsx'), rows);
  return inProcessPair(ctx, {
    id: 'row-bound',
    title: `refusing a ${rows.toLocaleString('en')}-row workbook vs parsing it with exceljs`,
    pair: 'row-bound',
    params: { file: huge },
    labels: ['ingest (refused)', 'exceljs load'],
    goals: () => [],
  });
};

const publishUnchanged = (ctx: BenchContext): Promise<CaseResult> =>
  inProcessPair(ctx, {
    id: 'publish-unchanged',
    title: `publish of unchanged inputs vs a new release (${ctx.samples.length} samples)`,
    pair: 'publish',
    params: { files: ctx.samples },
    labels: ['unchanged', 'new release'],
    goals: () => [],
  });

/** What a Lambda bundle finds in its environment; the import reads it, no call is made. */
const LAMBDA_ENV: NodeJS.ProcessEnv = {
  AWS_REGION: 'eu-west-1',
  DUALTRACK_UPLOADS_BUCKET: 'bench-uploads',
  DUALTRACK_DATA_BUCKET: 'bench-data',
  DUALTRACK_PUBLIC_BUCKET: 'bench-public',
  DUALTRACK_PUBLISH_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/publish',
  // The portal's and notify's (PortalEnvName in shared/stack/contract.ts).
  DUALTRACK_USER_POOL_ID: 'eu-west-1_Bench1',
  DUALTRACK_RECEIPT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:receipts',
};

/** Each function's bundle, built as the stack builds it: its size, and its cold import against `node -e 0`. */
const bundles = async (ctx: BenchContext): Promise<{ cases: CaseResult[]; sizes: BundleSize[] }> => {
  const fns = (await readdir(join(ctx.root, 'functions'), { withFileTypes: true })).filter((e) => e.isDirectory() && e.name !== 'common').map((e) => e.name);
  const cases: CaseResult[] = [];
  const sizes: BundleSize[] = [];
  for (const fn of fns.sort()) {
    ctx.progress(`Bundling ${fn}…`);
    const built = await buildBundle(fn, join(ctx.tmp, 'bundles', fn));
    sizes.push({ fn, bytes: built.bytes, budgetBytes: BUNDLE_BUDGET_BYTES });
    cases.push(
      await childPair(ctx, {
        id: `bundle-import-${fn}`,
        title: `${fn} bundle (${(built.bytes / 1024).toFixed(0)} KiB) cold import vs node -e 0`,
        weight: 'light',
        a: [`node ${basename(built.file)}`, () => runOnce(node(ctx, [built.file], { env: LAMBDA_ENV }))],
        b: ['node -e 0', () => runOnce(node(ctx, ['-e', '0']))],
        goals: (r) => [...timeGoal(r, 2.0), { text: 'size < 1 MiB', met: built.bytes < BUNDLE_BUDGET_BYTES }],
      }),
    );
  }
  return { cases, sizes };
};

export { bundles, checkBigWorkbook, ingestVsLoad, processSamples, publishUnchanged, rowBound, uploadIntoHistory };
export type { BenchContext, BundleSize, CaseResult, Goal, Side };
