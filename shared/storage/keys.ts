// The key layout of the three buckets, in one place. Nothing else builds or parses keys. The
// top-level prefixes come from the stack contract, which the stack's grants and policies share.
import { BucketPrefix, PUBLIC_PAGE, PUBLIC_READ } from '../stack/index.ts';

const SUBMISSIONS_PREFIX = BucketPrefix.submissions;
const RECEIPTS_PREFIX = BucketPrefix.receipts;
const RELEASES_PREFIX = BucketPrefix.releases;
const LATEST_PREFIX = BucketPrefix.latest;

const uploadsKeys = {
  /** Where an officer uploads: submissions/<ISO3>/<file name>. */
  submission: (iso3: string, fileName: string) => `${SUBMISSIONS_PREFIX}${iso3}/${fileName}`,
  /** Every receipt of one ally: where an uploader looks for the answer to an upload. */
  receiptsPrefix: (iso3: string) => `${RECEIPTS_PREFIX}${iso3}/`,
  receiptJson: (iso3: string, submissionId: string) => `${RECEIPTS_PREFIX}${iso3}/${submissionId}.json`,
  receiptWorkbook: (iso3: string, submissionId: string) => `${RECEIPTS_PREFIX}${iso3}/${submissionId}.xlsx`,
  /**
   * The ally an upload is filed under and its file name, or null for keys outside
   * submissions/<ISO3>/. Expects a decoded key (not URL-encoded).
   */
  parseSubmission: (key: string): { ally: string; fileName: string } | null => {
    const m = /^submissions\/([A-Za-z]{3})\/(.+)$/.exec(key);
    if (!m || !m[1] || !m[2] || m[2].endsWith('/')) return null;
    return { ally: m[1].toUpperCase(), fileName: m[2] };
  },
} as const;

const dataKeys = {
  /** Accepted records of one submission, with provenance: submissions/<ISO3>/<id>.json. */
  submission: (iso3: string, submissionId: string) => `${SUBMISSIONS_PREFIX}${iso3}/${submissionId}.json`,
  submissionsPrefix: SUBMISSIONS_PREFIX,
  /** Every receipt, accepted or rejected, also kept privately for the record. */
  receipt: (iso3: string, submissionId: string) => `${RECEIPTS_PREFIX}${iso3}/${submissionId}.json`,
} as const;

const publicKeys = {
  releasesIndex: `${RELEASES_PREFIX}index.json`,
  indexHtml: PUBLIC_PAGE,
  releasePrefix: (n: number) => `${RELEASES_PREFIX}${n}/`,
  /** A file of release n; `path` is relative to the release folder (e.g. `allies/POL.json`). */
  releaseFile: (n: number, path: string) => `${RELEASES_PREFIX}${n}/${path}`,
  latestPrefix: LATEST_PREFIX,
  /** The copy of a release file under latest/. */
  latestFile: (path: string) => `${LATEST_PREFIX}${path}`,
  /** Prefixes the public may read (the bucket policy grants exactly these). */
  publishedPrefixes: PUBLIC_READ,
} as const;

export { uploadsKeys, dataKeys, publicKeys, SUBMISSIONS_PREFIX, RECEIPTS_PREFIX, RELEASES_PREFIX, LATEST_PREFIX };
