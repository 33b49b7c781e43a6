// The bench runs: `npm run bench -- --quick` (tiny sizes, one run of each) prints its table and
// writes its JSON with every case measured. No timing is asserted; the numbers are the bench's.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { tempDirs } from '../helpers/temp.ts';

const run = promisify(execFile);
const temp = tempDirs('dualtrack-bench-test-');

const SideSchema = z.object({ label: z.string(), medianMs: z.number().positive(), runs: z.number().int().positive() });
const ReportSchema = z.object({
  quick: z.literal(true),
  machine: z.object({ cpus: z.number().int().positive(), noise: z.object({ medianMs: z.number().positive() }) }),
  cases: z.array(z.object({ id: z.string(), title: z.string(), a: SideSchema, b: SideSchema.nullable(), note: z.string().optional() })),
  bundles: z.array(z.object({ fn: z.string(), bytes: z.number().int().positive() })),
});

describe('npm run bench -- --quick', () => {
  it('measures every case side by side, prints the table and writes the JSON', { timeout: 600_000 }, async () => {
    // Prepare
    const dir = temp.make();
    const json = join(dir, 'bench.json');
    // Act
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/main.ts', '--quick', '--json', json], { maxBuffer: 1 << 24 });
    // Assess
    const report = ReportSchema.parse(JSON.parse(await readFile(json, 'utf8')));
    expect(report.cases.map((c) => c.id)).toEqual([
      'process-vs-pandas',
      'ingest-vs-exceljs',
      'upload-history',
      'check-big-vs-pandas',
      'bundle-import-ingest',
      'bundle-import-notify',
      'bundle-import-portal',
      'bundle-import-publish',
      'bundle-import-recompute',
      'row-bound',
      'publish-unchanged',
    ]);
    for (const c of report.cases) {
      expect(stdout).toContain(c.title);
      // A yardstick is missing only when the note says how to install it.
      if (c.b === null) expect(c.note).toMatch(/apt-get install python3-pandas/);
    }
    expect(report.bundles.map((b) => b.fn)).toEqual(['ingest', 'notify', 'portal', 'publish', 'recompute']);
    expect(stdout).toMatch(/load average/);
  });
});
