// Writes a rendered release to the public bucket in the order DESIGN §7 promises, so a reader
// following latest/, releases/index.json or index.html never meets a half-written release:
//   1. every file under releases/<n>/ (compliance.json last: its presence marks a complete
//      folder, so a crash mid-folder leaves nothing that counts as published);
//   2. the copies under latest/, then removal of latest/ files the new release no longer has;
//   3. releases/index.json;
//   4. index.html.
import { ReleasesIndexSchema, sha256Hex } from '../report/index.ts';
import type { ReleaseFile, ReleaseSummary, ReleasesIndex } from '../report/index.ts';
import { BucketRole, publicKeys } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { ConflictError, CorruptStoreError, PipelineError } from './errors.ts';

/** Versioned objects never change. */
const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** latest/ and the indexes move with every release. */
const CACHE_SHORT = 'public, max-age=60';

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** The dataset file whose presence marks a release folder as complete. */
const MARKER = 'compliance.json';

/** One file of a release as the renderers produce it; `path` is relative to the release folder. */
interface ReleaseFileBody {
  path: string;
  body: Buffer | string;
  contentType: string;
  contentDisposition?: string;
}

interface WriteReleaseInput {
  storage: Storage;
  /** The index as read before rendering; the new release is appended to it. */
  index: ReleasesIndex;
  /** The new release's summary without its files (they are hashed here). */
  summary: Omit<ReleaseSummary, 'files'>;
  files: readonly ReleaseFileBody[];
  /**
   * Finish a release whose folder is already complete (a publisher stopped before the index):
   * the folder is left untouched and `files` must hold its stored bytes.
   */
  resume?: boolean;
  /** Renders index.html once the history including the new release is known. */
  renderIndexHtml: (history: readonly ReleaseSummary[], files: readonly ReleaseFile[]) => string | Buffer | Promise<string | Buffer>;
}

const EMPTY_INDEX: ReleasesIndex = { indexVersion: 1, releases: [] };

/** releases/index.json, or an empty index before the first release. */
const readReleasesIndex = async (storage: Storage): Promise<ReleasesIndex> => {
  const obj = await storage.get(BucketRole.public, publicKeys.releasesIndex);
  if (!obj) return EMPTY_INDEX;
  try {
    return ReleasesIndexSchema.parse(JSON.parse(obj.body.toString('utf8')));
  } catch (error) {
    throw new CorruptStoreError(publicKeys.releasesIndex, { cause: error });
  }
};

const checkPath = (path: string): void => {
  if (path === '' || path.startsWith('/') || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new PipelineError(`a renderer produced the release path ${JSON.stringify(path)}, which is not a plain relative path`);
  }
};

const byMarkerLast = (a: ReleaseFileBody, b: ReleaseFileBody): number =>
  Number(a.path === MARKER) - Number(b.path === MARKER) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Writes release `summary.number` and points latest/, the index and the page at it. Throws
 * ConflictError when that release folder already holds a complete release (unless resuming)
 * or the index already lists that number.
 */
const writeRelease = async ({ storage, index, summary, files, resume = false, renderIndexHtml }: WriteReleaseInput): Promise<ReleaseSummary> => {
  const n = summary.number;
  files.forEach((f) => checkPath(f.path));
  if (!files.some((f) => f.path === MARKER)) throw new PipelineError(`release ${n} has no ${MARKER}`);
  if (index.releases.some((r) => r.number === n)) throw new ConflictError(n, publicKeys.releasesIndex);
  const markerKey = publicKeys.releaseFile(n, MARKER);
  if (!resume && (await storage.head(BucketRole.public, markerKey))) throw new ConflictError(n, markerKey);

  const ordered = [...files].sort(byMarkerLast);
  for (const f of resume ? [] : ordered) {
    await storage.put(BucketRole.public, publicKeys.releaseFile(n, f.path), Buffer.from(f.body), {
      contentType: f.contentType,
      cacheControl: CACHE_IMMUTABLE,
      ...(f.contentDisposition === undefined ? {} : { contentDisposition: f.contentDisposition }),
    });
  }

  for (const f of ordered) {
    await storage.put(BucketRole.public, publicKeys.latestFile(f.path), Buffer.from(f.body), {
      contentType: f.contentType,
      cacheControl: CACHE_SHORT,
      ...(f.contentDisposition === undefined ? {} : { contentDisposition: f.contentDisposition }),
    });
  }
  const current = new Set(ordered.map((f) => publicKeys.latestFile(f.path)));
  for (const stale of await storage.list(BucketRole.public, publicKeys.latestPrefix)) {
    if (!current.has(stale.key)) await storage.delete(BucketRole.public, stale.key);
  }

  const hashed: ReleaseFile[] = ordered
    .map((f) => {
      const bytes = Buffer.from(f.body);
      return { path: f.path, sha256: sha256Hex(bytes), bytes: bytes.length };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const released: ReleaseSummary = { ...summary, files: hashed };
  const nextIndex: ReleasesIndex = ReleasesIndexSchema.parse({ ...index, releases: [...index.releases, released] });
  await storage.put(BucketRole.public, publicKeys.releasesIndex, `${JSON.stringify(nextIndex, null, 2)}\n`, {
    contentType: JSON_TYPE,
    cacheControl: CACHE_SHORT,
  });

  const html = await renderIndexHtml(nextIndex.releases, hashed);
  await storage.put(BucketRole.public, publicKeys.indexHtml, Buffer.from(html), { contentType: HTML_TYPE, cacheControl: CACHE_SHORT });
  return released;
};

export { writeRelease, readReleasesIndex, CACHE_IMMUTABLE, CACHE_SHORT, EMPTY_INDEX };
export type { ReleaseFileBody, WriteReleaseInput };
