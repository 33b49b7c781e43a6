// What a publish did, in words: `recompute` prints one sentence; `process`, which writes into a
// folder, also lists where the files a reader opens first are.
import { resolve } from 'node:path';
import type { PublishOutcome } from '../../shared/pipeline/index.ts';
import { ReleaseManifest } from '../../shared/report/index.ts';
import { BucketRole, publicKeys } from '../../shared/storage/index.ts';

/** One sentence: the release published, or that nothing changed. */
const outcomeSentence = (outcome: PublishOutcome): string => {
  const digest = outcome.digest.slice(0, 12);
  return outcome.published
    ? `Published release ${outcome.release ?? '-'} (reporting year ${outcome.reportingYear}, digest ${digest}), ${outcome.written.length} files written.`
    : `Nothing changed: release ${outcome.release ?? '-'} is still the latest (same digest ${digest}); nothing was published.`;
};

// The files a reader opens first; the rest of the release folder is counted.
const HEADLINE_FILES = [ReleaseManifest.dataset, ReleaseManifest.workbook, ReleaseManifest.csv, ReleaseManifest.changes].map((e) => e.path);

/** The release written into the folder store at `out`, with the paths of its main files. */
const folderReleaseLines = (outcome: PublishOutcome, out: string): string[] => {
  if (!outcome.published || outcome.release === null) {
    return [`Nothing changed: release ${outcome.release ?? '-'} is still the latest (same digest); nothing was published.`];
  }
  const release = outcome.release;
  const path = (key: string) => resolve(out, BucketRole.public, ...key.split('/'));
  const releaseKeys = outcome.written.filter((k) => k.startsWith(publicKeys.releasePrefix(release)));
  const headline = HEADLINE_FILES.map((f) => publicKeys.releaseFile(release, f)).filter((k) => releaseKeys.includes(k));
  return [
    `Published release ${release} (${releaseKeys.length} files in ${path(publicKeys.releasePrefix(release))}, copied to ${path(publicKeys.latestPrefix)}):`,
    ...headline.map((k) => `  ${path(k)}`),
    `  ${path(publicKeys.releasesIndex)}`,
    `  ${path(publicKeys.indexHtml)}`,
    `  ${path(publicKeys.indexHtmlFr)}`,
  ];
};

export { outcomeSentence, folderReleaseLines };
