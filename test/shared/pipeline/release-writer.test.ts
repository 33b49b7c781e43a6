import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL, ReleaseManifest, allyFilePath, sha256Hex } from '../../../shared/report/index.ts';
import type { ComplianceDataset, ReleasesIndex, RenderedFile } from '../../../shared/report/index.ts';
import { ConflictError, CorruptStoreError, PipelineError, readIndexVersion, readReleasesIndex, settleLatest, writeRelease } from '../../../shared/pipeline/index.ts';
import type { WriteReleaseInput } from '../../../shared/pipeline/index.ts';
import { createMemoryStorage, PreconditionFailedError, publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { recordingStorage } from '../../helpers/recording-storage.ts';

const summary = (number: number) => ({
  number,
  publishedAt: '2026-11-27T03:00:00.000Z',
  trigger: 'cli' as const,
  rulesId: 'hague-2025',
  reportingYear: 2025,
  digest: String(number).repeat(64).slice(0, 64),
});

const DATASET = ReleaseManifest.dataset.path;
const WORKBOOK = ReleaseManifest.workbook.path;
const POL = allyFilePath('POL');
const EST = allyFilePath('EST');
const { releaseFile, latestFile, releasesIndex: INDEX, indexHtml: PAGE, indexHtmlFr: PAGE_FR } = publicKeys;
/** The submitters' page's files, as written beside the reports (index.html last). */
const SUBMIT = ['submit/style.css', 'submit/app.js', 'submit/index.html'];

const files = (tag: string, extra: RenderedFile[] = []): RenderedFile[] => [
  { path: DATASET, body: Buffer.from(`{"tag":"${tag}"}`) },
  { path: POL, body: Buffer.from(`{"ally":"POL","tag":"${tag}"}`) },
  { path: WORKBOOK, body: Buffer.from(`xlsx-${tag}`) },
  ...extra,
];

// English first: the writer, not the renderer, makes index.html the last page written.
const html = (): RenderedFile[] => [
  { path: PAGE, body: Buffer.from('<!doctype html><html lang="en"><title>dualtrack</title>') },
  { path: PAGE_FR, body: Buffer.from('<!doctype html><html lang="fr"><title>dualtrack</title>') },
];

/** Writes release n over the index as it is now (or as `read` was taken). */
const write = async (
  storage: Storage,
  n: number,
  tag: string,
  options: Partial<Pick<WriteReleaseInput, 'resume' | 'files'>> & { read?: Awaited<ReturnType<typeof readIndexVersion>> } = {},
) => {
  const { index, etag } = options.read ?? (await readIndexVersion(storage));
  return writeRelease({ storage, index, indexEtag: etag, summary: summary(n), files: options.files ?? files(tag), renderPages: html, ...(options.resume ? { resume: true } : {}) });
};

describe('writeRelease', () => {
  it('writes the release folder, then releases/index.json, then the submitters\' page, index.fr.html and index.html, then latest/', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    // Act
    await write(storage, 1, 'one');
    // Assess
    const rank = (key: string) =>
      key.startsWith(publicKeys.releasePrefix(1)) ? 0 : key === INDEX ? 1 : SUBMIT.includes(key) ? 2 : key === PAGE_FR ? 3 : key === PAGE ? 4 : key.startsWith(publicKeys.latestPrefix) ? 5 : 9;
    const ranks = writes.map((w) => rank(w.key));
    expect(ranks).toEqual([0, 0, 0, 1, 2, 2, 2, 3, 4, 5, 5, 5]);
    expect(writes.filter((w) => SUBMIT.includes(w.key)).map((w) => w.key)).toEqual(SUBMIT);
    expect(writes.filter((w) => w.key.startsWith(publicKeys.releasePrefix(1))).at(-1)?.key).toBe(releaseFile(1, DATASET));
    expect(writes.at(-1)?.key).toBe(latestFile(DATASET));
  });

  it('creates the first index only where there is none, and replaces it only as the version it read', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    // Act
    await write(storage, 1, 'one');
    const etag = (await storage.head('public', INDEX))?.etag;
    await write(storage, 2, 'two');
    // Assess
    const indexWrites = writes.filter((w) => w.key === INDEX).map((w) => ({ ifNoneMatch: w.options?.ifNoneMatch, ifMatch: w.options?.ifMatch }));
    expect(indexWrites).toEqual([{ ifNoneMatch: '*', ifMatch: undefined }, { ifNoneMatch: undefined, ifMatch: etag }]);
  });

  it('stores each file with the content type, cache class and download name of the manifest', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    await write(storage, 1, 'zero');
    for (const n of [2, 3]) await write(storage, n, 'filler');
    writes.length = 0;
    // Act
    await write(storage, 4, 'one');
    // Assess
    const opts = Object.fromEntries(writes.map((w) => [w.key, w.options]));
    const workbook = { contentType: ReleaseManifest.workbook.contentType, contentDisposition: 'attachment; filename="dualtrack-release-4.xlsx"' };
    expect(opts[releaseFile(4, WORKBOOK)]).toEqual({ ...workbook, cacheControl: CACHE_CONTROL.immutable });
    expect(opts[latestFile(WORKBOOK)]).toEqual({ ...workbook, cacheControl: CACHE_CONTROL.short });
    expect(opts[releaseFile(4, POL)]).toEqual({ contentType: ReleaseManifest.ally.contentType, cacheControl: CACHE_CONTROL.immutable });
    expect(opts[latestFile(DATASET)]).toEqual({ contentType: ReleaseManifest.dataset.contentType, cacheControl: CACHE_CONTROL.short });
    expect(opts[INDEX]).toMatchObject({ contentType: ReleaseManifest.releasesIndex.contentType, cacheControl: CACHE_CONTROL.short });
    expect(opts[PAGE]).toEqual({ contentType: ReleaseManifest.page.contentType, cacheControl: CACHE_CONTROL.short });
    expect(opts[PAGE_FR]).toEqual({ contentType: ReleaseManifest.pageFr.contentType, cacheControl: CACHE_CONTROL.short });
  });

  it('refuses a file the release manifest does not list, writing nothing', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    const stray = { path: 'notes.txt', body: Buffer.from('stray') };
    // Act
    const attempt = write(storage, 1, 'one', { files: files('one', [stray]) });
    // Assess
    await expect(attempt).rejects.toThrow(PipelineError);
    await expect(attempt).rejects.toThrow(/"notes\.txt", which the release manifest does not list/);
    expect(writes).toEqual([]);
  });

  it('appends the release to the index with the sha256 and size of every file', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await write(storage, 1, 'one');
    // Act
    await write(storage, 2, 'two');
    // Assess
    const index: ReleasesIndex = await readReleasesIndex(storage);
    expect(index.releases.map((r) => r.number)).toEqual([1, 2]);
    expect(index.releases[1]?.files).toEqual([
      { path: POL, sha256: sha256Hex('{"ally":"POL","tag":"two"}'), bytes: 26 },
      { path: DATASET, sha256: sha256Hex('{"tag":"two"}'), bytes: 13 },
      { path: WORKBOOK, sha256: sha256Hex('xlsx-two'), bytes: 8 },
    ]);
  });

  it('removes from latest/ a file the new release no longer has, and leaves the old release alone', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const extra = { path: EST, body: Buffer.from('{}') };
    await write(storage, 1, 'one', { files: files('one', [extra]) });
    // Act
    await write(storage, 2, 'two');
    // Assess
    expect((await storage.list('public', publicKeys.latestPrefix)).map((o) => o.key)).toEqual([POL, DATASET, WORKBOOK].map(latestFile));
    expect((await storage.get('public', releaseFile(1, EST)))?.body.toString()).toBe('{}');
    expect((await storage.get('public', latestFile(DATASET)))?.body.toString()).toBe('{"tag":"two"}');
  });

  it('appends nothing when the index changed since it was read: the other writer\'s release stays as indexed', async () => {
    // Prepare: both writers read the index after release 1; the other one commits release 2 first.
    const storage = createMemoryStorage();
    await write(storage, 1, 'one');
    const read = await readIndexVersion(storage);
    await write(storage, 2, 'theirs');
    const indexed = (await storage.get('public', INDEX))?.body.toString();
    // Act
    const attempt = write(storage, 2, 'ours', { read, resume: true });
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await storage.get('public', INDEX))?.body.toString()).toBe(indexed);
    expect((await storage.get('public', latestFile(DATASET)))?.body.toString()).toBe('{"tag":"theirs"}');
  });

  it('refuses with a ConflictError a release number the index already lists, writing nothing', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    await write(storage, 1, 'one');
    writes.length = 0;
    // Act
    const attempt = write(storage, 1, 'again');
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(writes).toEqual([]);
    expect((await storage.get('public', releaseFile(1, POL)))?.body.toString()).toBe('{"ally":"POL","tag":"one"}');
  });

  it('refuses a number that would leave a gap in the index', async () => {
    const { storage, writes } = recordingStorage(createMemoryStorage());
    await expect(write(storage, 2, 'two')).rejects.toThrow(/does not follow release 0/);
    expect(writes).toEqual([]);
  });

  it('when resuming, leaves the release folder alone and writes only the index, the page and latest/', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    for (const f of files('one')) await storage.put('public', releaseFile(1, f.path), f.body);
    writes.length = 0;
    // Act
    await write(storage, 1, 'one', { resume: true });
    // Assess
    expect(writes.map((w) => w.key)).toEqual([INDEX, ...SUBMIT, PAGE_FR, PAGE, ...[POL, WORKBOOK, DATASET].map(latestFile)]);
  });
});

describe('settleLatest', () => {
  /** A store whose writes under latest/ fail, as when the publisher stops right after its commit. */
  const stoppingAtLatest = (inner: Storage): Storage => ({
    ...inner,
    put: async (bucket, key, body, options) => {
      if (key.startsWith(publicKeys.latestPrefix)) throw new Error('publisher stopped');
      await inner.put(bucket, key, body, options);
    },
  });
  // These release files are not whole datasets, so settle leaves the page alone.
  const noPage = (dataset: ComplianceDataset) => {
    throw new Error(`no page expected, yet asked for release ${dataset.release.number}`);
  };

  /** Release files whose dataset names its release as a real one does (settle reads only that). */
  const numbered = (n: number): RenderedFile[] =>
    files(`n${n}`).map((f) => (f.path === DATASET ? { path: DATASET, body: Buffer.from(JSON.stringify({ release: summary(n) })) } : f));

  it('brings latest/ up to the newest indexed release after a publisher stopped past its commit', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await write(storage, 1, 'one', { files: numbered(1) });
    await expect(write(stoppingAtLatest(storage), 2, 'two', { files: numbered(2) })).rejects.toThrow('publisher stopped');
    expect(JSON.parse((await storage.get('public', latestFile(DATASET)))?.body.toString() ?? '{}')).toMatchObject({ release: { number: 1 } });
    const { storage: recording, writes } = recordingStorage(storage);
    // Act
    const settled = await settleLatest(recording, await readReleasesIndex(storage), noPage);
    const again = await settleLatest(recording, await readReleasesIndex(storage), noPage);
    // Assess
    expect(settled).toBe(true);
    expect(again).toBe(false);
    expect(writes.map((w) => w.key)).toEqual([...SUBMIT, ...[POL, WORKBOOK, DATASET].map(latestFile)]);
    for (const f of numbered(2)) expect((await storage.get('public', latestFile(f.path)))?.body.equals(f.body)).toBe(true);
  });

  it('refuses to copy an indexed release whose stored bytes no longer match the index', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await write(storage, 1, 'one');
    await storage.delete('public', latestFile(DATASET));
    await storage.put('public', releaseFile(1, WORKBOOK), 'tampered');
    // Act, Assess
    await expect(settleLatest(storage, await readReleasesIndex(storage), noPage)).rejects.toBeInstanceOf(CorruptStoreError);
  });
});
