// `serve --demo`: uploads every sample submission as an officer would (one object per ally
// under submissions/<ISO3>/, several at once), shows progress, and waits for the release that
// holds them all.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalCloud } from '../../local/index.ts';
import { readReleasesIndex } from '../../shared/pipeline/index.ts';
import type { ReleaseSummary } from '../../shared/report/index.ts';
import { uploadsKeys } from '../../shared/storage/index.ts';
import type { Terminal } from '../print/terminal.ts';

/** Sample files are named <ISO3>-<name>.xlsx|.csv (see scripts/build-samples.ts). */
const SAMPLE_NAME = /^([A-Z]{3})-.+\.(xlsx|csv)$/;
const PARALLEL_UPLOADS = 4;

interface Sample {
  ally: string;
  fileName: string;
  path: string;
}

const listSamples = async (dir: string): Promise<Sample[]> =>
  (await readdir(dir))
    .sort()
    .flatMap((fileName) => {
      const m = SAMPLE_NAME.exec(fileName);
      return m?.[1] ? [{ ally: m[1], fileName, path: join(dir, fileName) }] : [];
    });

interface DemoResult {
  uploaded: number;
  release: ReleaseSummary | null;
}

const runDemo = async (cloud: LocalCloud, samplesDir: string, say: Terminal): Promise<DemoResult> => {
  const samples = await listSamples(samplesDir);
  say('demo', `uploading ${samples.length} sample submissions from ${samplesDir}`);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < samples.length; i = next++) {
      const s = samples[i];
      if (!s) continue;
      await cloud.client.send(
        new PutObjectCommand({ Bucket: cloud.buckets.uploads, Key: uploadsKeys.submission(s.ally, s.fileName), Body: await readFile(s.path) }),
      );
      done += 1;
      say('demo', `${done}/${samples.length} uploaded`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, worker));
  say('demo', 'waiting for receipts and the release');
  await cloud.idle();
  const release = (await readReleasesIndex(cloud.storage)).releases.at(-1) ?? null;
  if (release) say('demo', `ready: release ${release.number} -> ${cloud.urls.page}`);
  else say('demo', `no release was published; see the receipts above and ${cloud.deadLetterFile}`);
  return { uploaded: samples.length, release };
};

export { runDemo, listSamples };
export type { Sample, DemoResult };
