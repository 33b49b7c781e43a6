// `npm run bench`: measures cases side by side in one run and prints their ratios. Each case runs
// in its own child process (peak memory is per process); times are medians of several repeats.
// Nothing here asserts: the numbers are for people deciding where to spend effort.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

interface Measure {
  name: string;
  medianMs: number;
  maxRssMiB: number;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const measure = (name: string, input: string, repeats: number): Measure => {
  const out = execFileSync(
    process.execPath,
    ['--openssl-legacy-provider', '--import', 'tsx', join(root, 'bench', 'cases.ts'), name, input, String(repeats)],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const last = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as Measure;
};

/** A workbook far past the row limit: what a careless or hostile upload looks like. */
const hugeWorkbook = async (rows: number): Promise<string> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['Year', 'GDP', 'Defence expenditure']);
  for (let i = 0; i < rows; i++) ws.addRow([2000 + (i % 36), 1000 + i, 20 + (i % 7)]);
  const path = join(mkdtempSync(join(tmpdir(), 'dualtrack-bench-')), `huge-${rows}.xlsx`);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
};

const fmt = (m: Measure) => `${m.name.padEnd(22)} ${m.medianMs.toFixed(1).padStart(9)} ms  ${m.maxRssMiB.toFixed(0).padStart(6)} MiB`;
const ratio = (label: string, a: Measure, b: Measure) =>
  `${label.padEnd(58)} time ×${(a.medianMs / b.medianMs).toFixed(2)}  peak memory ×${(a.maxRssMiB / b.maxRssMiB).toFixed(2)}`;

const main = async (): Promise<void> => {
  const sample = join(root, 'samples', 'EST-estonia.xlsx');
  const samples = join(root, 'samples');
  process.stdout.write('Preparing a 200,000-row workbook…\n');
  const huge = await hugeWorkbook(200_000);

  const ingest = measure('ingest-workbook', sample, 9);
  const load = measure('exceljs-load', sample, 9);
  const hugeIngest = measure('ingest-workbook', huge, 3);
  const hugeLoad = measure('exceljs-load', huge, 1);
  const fresh = measure('publish-new-release', samples, 3);
  const unchanged = measure('publish-unchanged', samples, 3);

  const lines = [
    '',
    'case                      median time    peak RSS',
    `${fmt(ingest)}   (a sample on the template: guard, read, checks, receipt)`,
    `${fmt(load)}   (the same bytes, exceljs load alone)`,
    `${fmt({ ...hugeIngest, name: 'ingest-200k-rows' })}   (refused by the row bound)`,
    `${fmt({ ...hugeLoad, name: 'exceljs-load-200k-rows' })}   (what parsing it would cost)`,
    `${fmt(fresh)}   (31 samples → all release files)`,
    `${fmt(unchanged)}   (same inputs: digest equal, nothing written)`,
    '',
    'Ratios, measured side by side in this run:',
    ratio('ingest of a template workbook / exceljs load alone', ingest, load),
    ratio('refusing a 200k-row workbook / parsing it with exceljs', hugeIngest, hugeLoad),
    ratio('publish with unchanged inputs / publish of a new release', unchanged, fresh),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
};

await main();
