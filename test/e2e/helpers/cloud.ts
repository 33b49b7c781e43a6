// A local cloud for one test file: a free port, a fresh folder, fast delivery settings, and
// its events kept for assertions, both as data and as the lines `serve` would print.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { printCloudEvents } from '../../../cli/print/cloud-events.ts';
import { createTerminal } from '../../../cli/print/terminal.ts';
import type { LocalCloudEvent, LocalCloud, LocalCloudOptions } from '../../../local/index.ts';
import { startLocalCloud } from '../../../local/index.ts';
import { readReleasesIndex } from '../../../shared/pipeline/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../../shared/report/index.ts';
import type { ComplianceDataset, ReleasesIndex } from '../../../shared/report/index.ts';
import { BucketRole, publicKeys } from '../../../shared/storage/index.ts';

interface TestCloud {
  cloud: LocalCloud;
  dir: string;
  events: LocalCloudEvent[];
  lines: string[];
  stop: () => Promise<void>;
}

const startTestCloud = async (options: Partial<LocalCloudOptions> = {}): Promise<TestCloud> => {
  const dir = await mkdtemp(join(tmpdir(), 'dualtrack-local-'));
  const events: LocalCloudEvent[] = [];
  const lines: string[] = [];
  const print = printCloudEvents(createTerminal((line) => lines.push(line)));
  const cloud = await startLocalCloud({
    dir,
    port: 0,
    observe: (event) => {
      events.push(event);
      print(event);
    },
    ...options,
    delivery: { batchWindowMs: 300, retryBaseMs: 20, ...options.delivery },
  });
  return {
    cloud,
    dir,
    events,
    lines,
    stop: async () => {
      await cloud.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

const putObject = (cloud: LocalCloud, key: string, body: Buffer): Promise<unknown> =>
  cloud.client.send(new PutObjectCommand({ Bucket: cloud.buckets.uploads, Key: key, Body: body }));

const releases = (cloud: LocalCloud): Promise<ReleasesIndex> => readReleasesIndex(cloud.storage);

const latestDataset = async (cloud: LocalCloud): Promise<ComplianceDataset> => {
  const key = publicKeys.latestFile(ReleaseManifest.dataset.path);
  const obj = await cloud.storage.get(BucketRole.public, key);
  if (!obj) throw new Error(`no ${key} in the public bucket`);
  return ComplianceDatasetSchema.parse(JSON.parse(obj.body.toString('utf8')));
};

/** The NOR sample with its 2014 GDP replaced: a distinguishable version of the same submission. */
const norwayWithGdp2014 = async (samplesDir: string, gdp: number): Promise<Buffer> => {
  const text = await readFile(join(samplesDir, 'NOR-norway.csv'), 'utf8');
  const changed = text.replace(/^2014;actual;[^;]*;/m, `2014;actual;${gdp};`);
  if (changed === text) throw new Error('the NOR sample has no 2014 actual row to change');
  return Buffer.from(changed, 'utf8');
};

const gdpOf = (dataset: ComplianceDataset, iso3: string, year: number): number | null | undefined =>
  dataset.allies.find((a) => a.iso3 === iso3)?.years.find((y) => y.year === year)?.gdp;

export { startTestCloud, putObject, releases, latestDataset, norwayWithGdp2014, gdpOf };
export type { TestCloud };
