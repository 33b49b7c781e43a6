// `npm run bench [-- --quick] [--json FILE] [--only ID,...] [--repeats N]`: measures what users feel,
// each case against its yardstick side by side in one run (bench/cases.ts), and prints a table
// of medians and ratios with the machine's load and noise; --json writes the same for CI to
// keep. Nothing here asserts: the numbers are for people deciding where to spend effort.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundles, checkBigWorkbook, ingestVsLoad, processSamples, publishUnchanged, rowBound, uploadIntoHistory } from './cases.ts';
import type { BenchContext, BundleSize, CaseResult } from './cases.ts';
import { REPORT_RSS, runOnce } from './run.ts';
import { median, relativeSpread } from './stats.ts';
import { reportLines } from './table.ts';
import type { BenchReport } from './table.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The sample submissions, as `process` finds them; --quick takes three (one of them the CSV). */
const sampleFiles = async (quick: boolean): Promise<string[]> => {
  const dir = join(ROOT, 'samples');
  const all = (await readdir(dir)).filter((f) => /^[A-Z]{3}-.*\.(xlsx|csv)$/.test(f)).sort();
  const chosen = quick ? [...all.filter((f) => f.endsWith('.xlsx')).slice(0, 2), ...all.filter((f) => f.endsWith('.csv')).slice(0, 1)] : all;
  return chosen.map((f) => join(dir, f));
};

const CASES: Record<string, (ctx: BenchContext) => Promise<CaseResult | { cases: CaseResult[]; sizes: BundleSize[] }>> = {
  process: processSamples,
  ingest: ingestVsLoad,
  history: uploadIntoHistory,
  check: checkBigWorkbook,
  bundles,
  'row-bound': rowBound,
  publish: publishUnchanged,
};

/** How noisy the machine is right now: repeated `node -e 0`, the cheapest thing measured. */
const noiseProbe = async (runs: number): Promise<BenchReport['machine']['noise']> => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await runOnce({ program: process.execPath, args: [...REPORT_RSS, '-e', '0'] })).ms);
  return { spread: relativeSpread(ms), medianMs: median(ms), runs };
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, json: { type: 'string' }, only: { type: 'string' }, repeats: { type: 'string' } },
    strict: true,
  });
  const only = values.only?.split(',') ?? Object.keys(CASES);
  const unknown = only.filter((id) => !(id in CASES));
  if (unknown.length > 0) throw new Error(`unknown case(s) ${unknown.join(', ')}; the cases are ${Object.keys(CASES).join(', ')}`);
  const quick = values.quick;
  const repeats = values.repeats === undefined ? null : Number(values.repeats);
  if (repeats !== null && (!Number.isInteger(repeats) || repeats < 1)) throw new Error(`--repeats wants a whole number of at least 1, not "${values.repeats}"`);
  const tmp = await mkdtemp(join(tmpdir(), 'dualtrack-bench-'));
  const ctx: BenchContext = { root: ROOT, tmp, quick, repeats, samples: await sampleFiles(quick), progress: (line) => process.stderr.write(`${line}\n`) };
  const startedAt = new Date().toISOString();
  const loadStart = loadavg()[0] ?? 0;
  try {
    const noise = await noiseProbe(quick ? 3 : 15);
    const cases: CaseResult[] = [];
    let sizes: BundleSize[] = [];
    for (const id of only) {
      const outcome = await (CASES[id] as (typeof CASES)[string])(ctx);
      if ('sizes' in outcome) {
        cases.push(...outcome.cases);
        sizes = outcome.sizes;
      } else cases.push(outcome);
    }
    const report: BenchReport = {
      startedAt,
      quick,
      repeats,
      machine: { cpus: cpus().length, loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 }, noise, node: process.version },
      cases,
      bundles: sizes,
    };
    process.stdout.write(`${reportLines(report).join('\n')}\n`);
    if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
};

await main();
