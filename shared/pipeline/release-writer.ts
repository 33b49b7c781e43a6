// Writes a rendered release to the public bucket in the order DESIGN §7 promises, so a reader
// following latest/, releases/index.json or index.html never meets a half-written release:
//   1. every file under releases/<n>/ (compliance.json last: its presence marks a complete
//      folder, so a crash mid-folder leaves nothing that counts as published);
//   2. the copies under latest/, then removal of latest/ files the new release no longer has;
//   3. releases/index.json;
//   4. index.html.
// Every object's content type, cache class and download name come from the release manifest.
import { ReleaseManifest, ReleasesIndexSchema, releaseEntryOf, sha256Hex, storedHeadersOf } from '../report/index.ts';
import type { ManifestEntry, ReleaseCopy, ReleaseFile, ReleaseSummary, ReleasesIndex, RenderedFile } from '../report/index.ts';
import { BucketRole, publicKeys } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { ConflictError, CorruptStoreError, PipelineError } from './errors.ts';

/** The dataset file whose presence marks a release folder as complete. */
const MARKER = ReleaseManifest.dataset.path;

interface WriteReleaseInput {
  storage: Storage;
  /** The index as read before rendering; the new release is appended to it. */
  index: ReleasesIndex;
  /** The new release's summary without its files (they are hashed here). */
  summary: Omit<ReleaseSummary, 'files'>;
  files: readonly RenderedFile[];
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

/** The manifest entry of a rendered file; a path that is not plain or not in the manifest is a bug upstream. */
const entryOf = (path: string): ManifestEntry => {
  if (path === '' || path.startsWith('/') || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new PipelineError(`a renderer produced the release path ${JSON.stringify(path)}, which is not a plain relative path`);
  }
  const entry = releaseEntryOf(path);
  if (!entry) throw new PipelineError(`a renderer produced the release path ${JSON.stringify(path)}, which the release manifest does not list`);
  return entry;
};

const byMarkerLast = (a: RenderedFile, b: RenderedFile): number =>
  Number(a.path === MARKER) - Number(b.path === MARKER) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Writes release `summary.number` and points latest/, the index and the page at it. Throws
 * ConflictError when that release folder already holds a complete release (unless resuming)
 * or the index already lists that number.
 */
const writeRelease = async ({ storage, index, summary, files, resume = false, renderIndexHtml }: WriteReleaseInput): Promise<ReleaseSummary> => {
  const n = summary.number;
  files.forEach((f) => entryOf(f.path));
  const headers = (f: RenderedFile, copy: ReleaseCopy) => storedHeadersOf(entryOf(f.path), n, copy);
  if (!files.some((f) => f.path === MARKER)) throw new PipelineError(`release ${n} has no ${MARKER}`);
  if (index.releases.some((r) => r.number === n)) throw new ConflictError(n, publicKeys.releasesIndex);
  const markerKey = publicKeys.releaseFile(n, MARKER);
  if (!resume && (await storage.head(BucketRole.public, markerKey))) throw new ConflictError(n, markerKey);

  const ordered = [...files].sort(byMarkerLast);
  for (const f of resume ? [] : ordered) {
    await storage.put(BucketRole.public, publicKeys.releaseFile(n, f.path), f.body, headers(f, 'versioned'));
  }

  for (const f of ordered) {
    await storage.put(BucketRole.public, publicKeys.latestFile(f.path), f.body, headers(f, 'latest'));
  }
  const current = new Set(ordered.map((f) => publicKeys.latestFile(f.path)));
  for (const stale of await storage.list(BucketRole.public, publicKeys.latestPrefix)) {
    if (!current.has(stale.key)) await storage.delete(BucketRole.public, stale.key);
  }

  const hashed: ReleaseFile[] = ordered
    .map((f) => ({ path: f.path, sha256: sha256Hex(f.body), bytes: f.body.length }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const released: ReleaseSummary = { ...summary, files: hashed };
  const nextIndex: ReleasesIndex = ReleasesIndexSchema.parse({ ...index, releases: [...index.releases, released] });
  const { releasesIndex, page } = ReleaseManifest;
  await storage.put(BucketRole.public, releasesIndex.path, `${JSON.stringify(nextIndex, null, 2)}\n`, storedHeadersOf(releasesIndex, n));

  const html = await renderIndexHtml(nextIndex.releases, hashed);
  await storage.put(BucketRole.public, page.path, Buffer.from(html), storedHeadersOf(page, n));
  return released;
};

export { writeRelease, readReleasesIndex, EMPTY_INDEX };
export type { WriteReleaseInput };
