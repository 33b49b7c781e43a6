// Writes a rendered release to the public bucket in an order a crash at any write can only
// delay, never damage (DESIGN §7):
//   1. every file under releases/<n>/ (compliance.json last), by the holder of the claim on n;
//   2. releases/index.json, replaced only if it is still the version read before rendering
//      (create-only for the first release): the commit. Once n is in the index its bytes are
//      final, and two publishers can never both append n;
//   3. the submitters' page under submit/ (static files of this version; config.json is the
//      stack's), the site files (the feeds, index.fr.html, index.html last), then the copies
//      under latest/ (removing latest/ files the release no longer has), latest/compliance.json
//      last: its release number says latest/ is complete.
// A publisher that stops after 2 leaves latest/ behind the index; the next publish (or a
// repair) brings it up to date from the stored release first (settleLatest). Every object's
// content type, cache class and download name come from the release manifest.
import * as z from 'zod';
import { ComplianceDatasetSchema, ReleaseManifest, ReleasesIndexSchema, cacheControlOf, releaseEntryOf, sha256Hex, siteEntryOf, storedHeadersOf } from '../report/index.ts';
import type { ComplianceDataset, ManifestEntry, ReleaseCopy, ReleaseFile, ReleaseSummary, ReleasesIndex, RenderedFile } from '../report/index.ts';
import { BucketRole, publicKeys } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { SUBMIT_FOLDER, submitPageFiles } from '../submit-page/files.ts';
import { ConflictError, CorruptStoreError, PipelineError } from './errors.ts';

/** The dataset file: written last in a release folder and last under latest/. */
const MARKER = ReleaseManifest.dataset.path;

/** Renders the site files: the feeds and the pages at the bucket root (index.html and its translations), each a site file of the manifest. */
type RenderPage = (history: readonly ReleaseSummary[], files: readonly ReleaseFile[]) => readonly RenderedFile[] | Promise<readonly RenderedFile[]>;

interface WriteReleaseInput {
  storage: Storage;
  /** The index as read before rendering; the new release is appended to it. */
  index: ReleasesIndex;
  /** The ETag of that index, null when there was none yet: the commit is conditional on it. */
  indexEtag: string | null;
  /** The new release's summary without its files (they are hashed here). */
  summary: Omit<ReleaseSummary, 'files'>;
  files: readonly RenderedFile[];
  /**
   * The folder already holds exactly these bytes (an abandoned but complete release with the
   * same dataset): it is left untouched and only the index and latest/ are written.
   */
  resume?: boolean;
  /** Renders the root pages once the history including the new release is known. */
  renderPages: RenderPage;
}

const EMPTY_INDEX: ReleasesIndex = { indexVersion: 1, releases: [] };

interface IndexVersion {
  index: ReleasesIndex;
  /** null when there is no index yet. */
  etag: string | null;
}

/** releases/index.json with its ETag, or an empty index (ETag null) before the first release. */
const readIndexVersion = async (storage: Storage): Promise<IndexVersion> => {
  const obj = await storage.get(BucketRole.public, publicKeys.releasesIndex);
  if (!obj) return { index: EMPTY_INDEX, etag: null };
  try {
    const index = ReleasesIndexSchema.parse(JSON.parse(obj.body.toString('utf8')));
    if (!obj.etag) throw new Error('the store gave no ETag for the index');
    return { index, etag: obj.etag };
  } catch (error) {
    throw new CorruptStoreError(publicKeys.releasesIndex, { cause: error });
  }
};

/** releases/index.json, or an empty index before the first release. */
const readReleasesIndex = async (storage: Storage): Promise<ReleasesIndex> => (await readIndexVersion(storage)).index;

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

const headersOf = (f: RenderedFile, n: number, copy: ReleaseCopy) => storedHeadersOf(entryOf(f.path), n, copy);

/** The manifest entry of a rendered site file (a page, a feed); a key the manifest does not list as a site file is a bug upstream. */
const siteFileEntry = (path: string): ManifestEntry => {
  const entry = siteEntryOf(path);
  if (!entry) throw new PipelineError(`a renderer produced the site file ${JSON.stringify(path)}, which the release manifest does not list as a site file`);
  return entry;
};

/**
 * The submitters' page, so the public site serves it beside the reports (index.html last, once
 * what it loads is there). Cached as the main page is, so a new version reaches browsers soon.
 */
const writeSubmitPage = async (storage: Storage): Promise<void> => {
  const cacheControl = cacheControlOf(ReleaseManifest.page);
  for (const f of submitPageFiles()) await storage.put(BucketRole.public, `${SUBMIT_FOLDER}${f.path}`, f.body, { contentType: f.contentType, cacheControl });
};

/** The submitters' page, the root pages (index.fr.html, index.html last), then latest/ (stale files removed), latest/compliance.json last. */
const finishLatest = async (storage: Storage, n: number, files: readonly RenderedFile[], pages: readonly RenderedFile[]): Promise<void> => {
  await writeSubmitPage(storage);
  const { page } = ReleaseManifest;
  const ordered = [...pages].sort((a, b) => Number(a.path === page.path) - Number(b.path === page.path));
  const entries = ordered.map((p) => siteFileEntry(p.path));
  for (const [i, p] of ordered.entries()) await storage.put(BucketRole.public, p.path, p.body, storedHeadersOf(entries[i] ?? siteFileEntry(p.path), n));
  const released = [...files].sort(byMarkerLast);
  const marker = released.at(-1);
  for (const f of released.slice(0, -1)) await storage.put(BucketRole.public, publicKeys.latestFile(f.path), f.body, headersOf(f, n, 'latest'));
  const current = new Set(released.map((f) => publicKeys.latestFile(f.path)));
  for (const stale of await storage.list(BucketRole.public, publicKeys.latestPrefix)) {
    if (!current.has(stale.key)) await storage.delete(BucketRole.public, stale.key);
  }
  if (marker) await storage.put(BucketRole.public, publicKeys.latestFile(marker.path), marker.body, headersOf(marker, n, 'latest'));
};

const hashesOf = (files: readonly RenderedFile[]): ReleaseFile[] =>
  files
    .map((f) => ({ path: f.path, sha256: sha256Hex(f.body), bytes: f.body.length }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/**
 * Writes release `summary.number` and points the index, the page and latest/ at it. The caller
 * holds the claim on that number. Throws PreconditionFailedError (from the store) when the
 * index changed since it was read, having appended nothing; ConflictError when the index
 * already lists the number.
 */
const writeRelease = async ({ storage, index, indexEtag, summary, files, resume = false, renderPages }: WriteReleaseInput): Promise<ReleaseSummary> => {
  const n = summary.number;
  files.forEach((f) => entryOf(f.path));
  if (!files.some((f) => f.path === MARKER)) throw new PipelineError(`release ${n} has no ${MARKER}`);
  if (index.releases.some((r) => r.number === n)) throw new ConflictError(n, publicKeys.releasesIndex);
  const last = index.releases.at(-1);
  if (n !== (last?.number ?? 0) + 1) throw new PipelineError(`release ${n} does not follow release ${last?.number ?? 0}: the index would have a gap`);

  const ordered = [...files].sort(byMarkerLast);
  for (const f of resume ? [] : ordered) {
    await storage.put(BucketRole.public, publicKeys.releaseFile(n, f.path), f.body, headersOf(f, n, 'versioned'));
  }

  const released: ReleaseSummary = { ...summary, files: hashesOf(ordered) };
  const nextIndex: ReleasesIndex = ReleasesIndexSchema.parse({ ...index, releases: [...index.releases, released] });
  const { releasesIndex } = ReleaseManifest;
  await storage.put(BucketRole.public, releasesIndex.path, `${JSON.stringify(nextIndex, null, 2)}\n`, {
    ...storedHeadersOf(releasesIndex, n),
    ...(indexEtag === null ? { ifNoneMatch: '*' as const } : { ifMatch: indexEtag }),
  });

  const pages = await renderPages(nextIndex.releases, released.files);
  await finishLatest(storage, n, ordered, pages);
  return released;
};

/** Just enough of a dataset to tell which release it is, whatever its schema version. */
const ReleaseNumberSchema = z.object({ release: z.object({ number: z.number(), digest: z.string() }) });

const releaseOfLatest = async (storage: Storage): Promise<{ number: number; digest: string } | null> => {
  const obj = await storage.get(BucketRole.public, publicKeys.latestFile(MARKER));
  if (!obj) return null;
  try {
    return ReleaseNumberSchema.parse(JSON.parse(obj.body.toString('utf8'))).release;
  } catch {
    return null;
  }
};

/**
 * The stored files of an indexed release, each checked against the sha256 the index gives: a
 * mismatch means someone changed a published release, which no publish may paper over.
 */
const readIndexedRelease = async (storage: Storage, summary: ReleaseSummary): Promise<RenderedFile[]> => {
  const out: RenderedFile[] = [];
  for (const f of summary.files) {
    const key = publicKeys.releaseFile(summary.number, f.path);
    const obj = await storage.get(BucketRole.public, key);
    if (!obj || sha256Hex(obj.body) !== f.sha256) {
      throw new CorruptStoreError(key, { cause: new Error(obj ? 'its sha256 differs from releases/index.json' : 'it is missing') });
    }
    out.push({ path: f.path, body: obj.body });
  }
  return out;
};

type RenderPageOf = (dataset: ComplianceDataset, history: readonly ReleaseSummary[], files: readonly ReleaseFile[]) => readonly RenderedFile[] | Promise<readonly RenderedFile[]>;

/**
 * Brings index.html and latest/ up to the newest indexed release when a publisher stopped
 * after its commit. Returns whether anything was written. The page is rendered from the stored
 * dataset; a dataset this version cannot read leaves the page as it is.
 */
const settleLatest = async (storage: Storage, index: ReleasesIndex, renderPage: RenderPageOf): Promise<boolean> => {
  const last = index.releases.at(-1);
  if (!last) return false;
  const latest = await releaseOfLatest(storage);
  if (latest && latest.number === last.number && latest.digest === last.digest) return false;
  const files = await readIndexedRelease(storage, last);
  const stored = files.find((f) => f.path === MARKER);
  const parsed = stored ? ComplianceDatasetSchema.safeParse(JSON.parse(stored.body.toString('utf8'))) : null;
  const pages = parsed?.success ? await renderPage(parsed.data, index.releases, last.files) : [];
  await finishLatest(storage, last.number, files, pages);
  return true;
};

export { writeRelease, readReleasesIndex, readIndexVersion, settleLatest, readIndexedRelease, EMPTY_INDEX, MARKER };
export type { WriteReleaseInput, IndexVersion, RenderPageOf };
