// The key layout of the three buckets, in one place. Nothing else builds or parses keys. The
// top-level prefixes come from the stack contract, which the stack's grants and policies share.
import { BucketPrefix, PUBLIC_PAGE, PUBLIC_PAGE_FR, PUBLIC_READ } from '../stack/index.ts';

const SUBMISSIONS_PREFIX = BucketPrefix.submissions;
const RECEIPTS_PREFIX = BucketPrefix.receipts;
const RELEASES_PREFIX = BucketPrefix.releases;
const LATEST_PREFIX = BucketPrefix.latest;
const CURRENT_PREFIX = BucketPrefix.current;
const CONFIG_PREFIX = BucketPrefix.config;
const PUBLISHING_PREFIX = BucketPrefix.publishing;

/**
 * The receipt folder of an upload whose key names no ally folder (`submissions/file.xlsx`, a
 * four-letter folder, a `..` or empty folder): `receipts/_unfiled/<id>.json`. No ISO3 code
 * starts with `_`, so it never meets an ally's folder; operators look there.
 */
const UNFILED = '_unfiled';

/** Why an upload's key cannot be filed as it stands. */
type KeyProblem = 'control' | 'dot-segment' | 'empty-segment' | 'no-folder' | 'not-an-ally-code';

/** What an upload's key says, before a byte of it is read. */
type UploadKey =
  /** Filed under submissions/<ISO3>/ (the code in capitals; whether it is an ally's is checked later). */
  | { kind: 'filed'; ally: string; fileName: string }
  /**
   * Under submissions/ but not fileable: its receipt goes to `receiptFolder`, the folder's code
   * when it is three letters (the submitter's own receipts) and `_unfiled` otherwise.
   */
  | { kind: 'unfiled'; problem: KeyProblem; folder: string | null; receiptFolder: string; fileName: string }
  /** Not under submissions/ at all: no upload. */
  | { kind: 'outside' };

// Control characters (C0, DEL, C1) never belong in a file name and can break logs and terminals.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const ALLY_FOLDER = /^[A-Za-z]{3}$/;

/**
 * A key as it may be shown in a receipt, a log line or an error: quoted, with every control
 * character escaped (JSON's escapes, and \u0080-\u009f too), so it cannot break a line or
 * drive a terminal.
 */
const printableKey = (key: string): string =>
  JSON.stringify(key).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Reads an upload's (decoded) key: its ally folder and file name, or what keeps it from being filed. */
const classifyUploadKey = (key: string): UploadKey => {
  if (!key.startsWith(SUBMISSIONS_PREFIX)) return { kind: 'outside' };
  const segments = key.slice(SUBMISSIONS_PREFIX.length).split('/');
  const folder = segments.length > 1 ? (segments[0] ?? '') : null;
  const fileName = segments.at(-1) || key.slice(SUBMISSIONS_PREFIX.length);
  const receiptFolder = folder !== null && ALLY_FOLDER.test(folder) ? folder.toUpperCase() : UNFILED;
  const unfiled = (problem: KeyProblem): UploadKey => ({ kind: 'unfiled', problem, folder, receiptFolder, fileName });
  if (CONTROL.test(key)) return unfiled('control');
  if (segments.some((s) => s === '.' || s === '..')) return unfiled('dot-segment');
  if (folder === null) return unfiled('no-folder');
  if (segments.some((s) => s === '')) return unfiled('empty-segment');
  if (!ALLY_FOLDER.test(folder)) return unfiled('not-an-ally-code');
  return { kind: 'filed', ally: folder.toUpperCase(), fileName: segments.slice(1).join('/') };
};

const uploadsKeys = {
  /** Where an officer uploads: submissions/<ISO3>/<file name>. */
  submission: (iso3: string, fileName: string) => `${SUBMISSIONS_PREFIX}${iso3}/${fileName}`,
  /** Every receipt of one ally: where an uploader looks for the answer to an upload. */
  receiptsPrefix: (iso3: string) => `${RECEIPTS_PREFIX}${iso3}/`,
  receiptJson: (iso3: string, submissionId: string) => `${RECEIPTS_PREFIX}${iso3}/${submissionId}.json`,
  receiptWorkbook: (iso3: string, submissionId: string) => `${RECEIPTS_PREFIX}${iso3}/${submissionId}.xlsx`,
  /**
   * The ally an upload is filed under and its file name, or null for any key that cannot be
   * filed (see classifyUploadKey for why). Expects a decoded key (not URL-encoded).
   */
  parseSubmission: (key: string): { ally: string; fileName: string } | null => {
    const parsed = classifyUploadKey(key);
    return parsed.kind === 'filed' ? { ally: parsed.ally, fileName: parsed.fileName } : null;
  },
} as const;

const dataKeys = {
  /** Accepted records of one submission, with provenance: submissions/<ISO3>/<id>.json. */
  submission: (iso3: string, submissionId: string) => `${SUBMISSIONS_PREFIX}${iso3}/${submissionId}.json`,
  submissionsPrefix: SUBMISSIONS_PREFIX,
  /** Every archived submission of one ally. */
  allySubmissionsPrefix: (iso3: string) => `${SUBMISSIONS_PREFIX}${iso3}/`,
  /** Every receipt, accepted or rejected, also kept privately for the record. */
  receipt: (iso3: string, submissionId: string) => `${RECEIPTS_PREFIX}${iso3}/${submissionId}.json`,
  /** One ally's current figures (pipeline/current-figures.ts): current/<ISO3>.json. */
  current: (iso3: string) => `${CURRENT_PREFIX}${iso3}.json`,
  currentPrefix: CURRENT_PREFIX,
  /** Written once every ally's current figures were rebuilt from the archive. */
  currentMarker: `${CURRENT_PREFIX}_rebuilt.json`,
  /** The ally of a current-figures key, or null for any other key under current/. */
  allyOfCurrent: (key: string): string | null =>
    key.startsWith(CURRENT_PREFIX) ? (/^([A-Z]{3})\.json$/.exec(key.slice(CURRENT_PREFIX.length))?.[1] ?? null) : null,
  /** The ally folder of an archived submission's key, or null. */
  allyOfSubmission: (key: string): string | null =>
    key.startsWith(SUBMISSIONS_PREFIX) ? (/^([A-Z]{3})\/[^/]+\.json$/.exec(key.slice(SUBMISSIONS_PREFIX.length))?.[1] ?? null) : null,
  /** The rule set operators publish; absent means the shipped default. */
  configRules: `${CONFIG_PREFIX}rules.json`,
  /** The exchange-rate table operators publish; absent means the shipped one. */
  configFxRates: `${CONFIG_PREFIX}fx-rates.json`,
  /** Who is writing release n (created only once per number; see pipeline/release-claim.ts). */
  releaseClaim: (n: number) => `${PUBLISHING_PREFIX}claims/${n}.json`,
} as const;

const publicKeys = {
  releasesIndex: `${RELEASES_PREFIX}index.json`,
  /** The Atom feed of every release. */
  releasesFeed: `${RELEASES_PREFIX}feed.xml`,
  /** The Atom feed of the releases that changed one ally's figures. */
  allyFeed: (iso3: string) => `${RELEASES_PREFIX}feeds/${iso3}.xml`,
  indexHtml: PUBLIC_PAGE,
  /** The page in French, beside index.html. */
  indexHtmlFr: PUBLIC_PAGE_FR,
  releasePrefix: (n: number) => `${RELEASES_PREFIX}${n}/`,
  /** A file of release n; `path` is relative to the release folder (e.g. `allies/POL.json`). */
  releaseFile: (n: number, path: string) => `${RELEASES_PREFIX}${n}/${path}`,
  latestPrefix: LATEST_PREFIX,
  /** The copy of a release file under latest/. */
  latestFile: (path: string) => `${LATEST_PREFIX}${path}`,
  /** Prefixes the public may read (the bucket policy grants exactly these). */
  publishedPrefixes: PUBLIC_READ,
} as const;

export { uploadsKeys, dataKeys, publicKeys, classifyUploadKey, printableKey, SUBMISSIONS_PREFIX, RECEIPTS_PREFIX, RELEASES_PREFIX, LATEST_PREFIX, CURRENT_PREFIX, CONFIG_PREFIX, PUBLISHING_PREFIX, UNFILED };
export type { UploadKey, KeyProblem };
