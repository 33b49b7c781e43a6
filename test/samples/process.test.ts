// `dualtrack process samples`: the committed samples through the whole local pipeline, into a
// folder store, as the README tells a user to run them.
import { copyFile, mkdir, readFile, readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import { SAMPLES_AS_OF_YEAR } from '../../scripts/samples/catalogue.ts';
import { capturingIo } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp.ts';

const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));
// process takes a file's modification time as its upload time; pinned so the status checks
// judge the samples in the year they are dated, whenever the test runs.
const UPLOADED_AT = new Date(`${SAMPLES_AS_OF_YEAR}-06-30T12:00:00Z`);
// 31 workbooks ingested and a release rendered, on a shared two-core machine.
const PIPELINE_TIMEOUT_MS = 300_000;

const temp = tempDirs('dualtrack-samples-', 'all');

/** A copy of the samples folder (sources left out) with pinned modification times. */
const copySamples = async (): Promise<string> => {
  const dir = temp.make();
  await mkdir(join(dir, 'samples'));
  for (const f of (await readdir(SAMPLES_DIR)).filter((name) => /\.(xlsx|csv)$/.test(name))) {
    const to = join(dir, 'samples', f);
    await copyFile(join(SAMPLES_DIR, f), to);
    await utimes(to, UPLOADED_AT, UPLOADED_AT);
  }
  return dir;
};

describe('dualtrack process samples', () => {
  it(
    'publishes all 32 allies, Iceland without figures, and flags every illustrative year',
    async () => {
      // Prepare
      const dir = await copySamples();
      const { io, lines } = capturingIo(dir);

      // Act
      const code = await main(['process', 'samples', '--out', 'store'], io);
      const latest = join(dir, 'store', 'public', 'latest');
      const published: unknown = JSON.parse(await readFile(join(latest, ReleaseManifest.dataset.path), 'utf8'));
      const dataset = ComplianceDatasetSchema.parse(published);
      // The published file against the JSON Schema published beside it, with a real validator.
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(await readFile(join(latest, ReleaseManifest.schema.path), 'utf8')) as Record<string, unknown>);
      const valid = validate(published);

      // Assess
      expect(code).toBe(0);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(lines.join('\n').split('\n').filter((l) => /: ACCEPTED( WITH WARNINGS)? \([A-Z]{3},/.test(l))).toHaveLength(31);
      expect(dataset.allies).toHaveLength(32);
      const iceland = dataset.allies.find((a) => a.iso3 === 'ISL');
      expect(iceland?.noArmedForces).toBe(true);
      expect(iceland?.years).toEqual([]);
      const reporting = dataset.allies.filter((a) => a.iso3 !== 'ISL');
      const wronglyFlagged = reporting.flatMap((a) =>
        a.years.filter((y) => y.illustrative !== y.year > 2024).map((y) => `${a.iso3} ${y.year} ${y.illustrative}`),
      );
      expect(reporting.every((a) => a.years.length === 22)).toBe(true);
      expect(wronglyFlagged).toEqual([]);
    },
    PIPELINE_TIMEOUT_MS,
  );
});
