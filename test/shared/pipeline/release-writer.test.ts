import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL, ReleaseManifest, allyFilePath, sha256Hex } from '../../../shared/report/index.ts';
import type { ReleasesIndex, RenderedFile } from '../../../shared/report/index.ts';
import { ConflictError, PipelineError, readReleasesIndex, writeRelease } from '../../../shared/pipeline/index.ts';
import { createMemoryStorage, publicKeys } from '../../../shared/storage/index.ts';
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
const { releaseFile, latestFile, releasesIndex: INDEX, indexHtml: PAGE } = publicKeys;

const files = (tag: string, extra: RenderedFile[] = []): RenderedFile[] => [
  { path: DATASET, body: Buffer.from(`{"tag":"${tag}"}`) },
  { path: POL, body: Buffer.from(`{"ally":"POL","tag":"${tag}"}`) },
  { path: WORKBOOK, body: Buffer.from(`xlsx-${tag}`) },
  ...extra,
];

const html = () => '<!doctype html><title>dualtrack</title>';

describe('writeRelease', () => {
  it('writes the release folder, then latest/, then releases/index.json, then index.html', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), renderIndexHtml: html });
    // Assess
    const rank = (key: string) =>
      key.startsWith(publicKeys.releasePrefix(1)) ? 0 : key.startsWith(publicKeys.latestPrefix) ? 1 : key === INDEX ? 2 : key === PAGE ? 3 : 9;
    const ranks = writes.map((w) => rank(w.key));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks).toEqual([0, 0, 0, 1, 1, 1, 2, 3]);
    expect(writes.filter((w) => w.key.startsWith(publicKeys.releasePrefix(1))).at(-1)?.key).toBe(releaseFile(1, DATASET));
  });

  it('stores each file with the content type, cache class and download name of the manifest', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(4), files: files('one'), renderIndexHtml: html });
    // Assess
    const opts = Object.fromEntries(writes.map((w) => [w.key, w.options]));
    const workbook = { contentType: ReleaseManifest.workbook.contentType, contentDisposition: 'attachment; filename="dualtrack-release-4.xlsx"' };
    expect(opts[releaseFile(4, WORKBOOK)]).toEqual({ ...workbook, cacheControl: CACHE_CONTROL.immutable });
    expect(opts[latestFile(WORKBOOK)]).toEqual({ ...workbook, cacheControl: CACHE_CONTROL.short });
    expect(opts[releaseFile(4, POL)]).toEqual({ contentType: ReleaseManifest.ally.contentType, cacheControl: CACHE_CONTROL.immutable });
    expect(opts[latestFile(DATASET)]).toEqual({ contentType: ReleaseManifest.dataset.contentType, cacheControl: CACHE_CONTROL.short });
    expect(opts[INDEX]).toEqual({ contentType: ReleaseManifest.releasesIndex.contentType, cacheControl: CACHE_CONTROL.short });
    expect(opts[PAGE]).toEqual({ contentType: ReleaseManifest.page.contentType, cacheControl: CACHE_CONTROL.short });
  });

  it('refuses a file the release manifest does not list, writing nothing', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    const stray = { path: 'notes.txt', body: Buffer.from('stray') };
    // Act
    const attempt = writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one', [stray]), renderIndexHtml: html });
    // Assess
    await expect(attempt).rejects.toThrow(PipelineError);
    await expect(attempt).rejects.toThrow(/"notes\.txt", which the release manifest does not list/);
    expect(writes).toEqual([]);
  });

  it('appends the release to the index with the sha256 and size of every file', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), renderIndexHtml: html });
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(2), files: files('two'), renderIndexHtml: html });
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
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one', [extra]), renderIndexHtml: html });
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(2), files: files('two'), renderIndexHtml: html });
    // Assess
    expect((await storage.list('public', publicKeys.latestPrefix)).map((o) => o.key)).toEqual([POL, DATASET, WORKBOOK].map(latestFile));
    expect((await storage.get('public', releaseFile(1, EST)))?.body.toString()).toBe('{}');
    expect((await storage.get('public', latestFile(DATASET)))?.body.toString()).toBe('{"tag":"two"}');
  });

  it('refuses with a ConflictError to write a release whose folder already holds its dataset, writing nothing', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), renderIndexHtml: html });
    writes.length = 0;
    // Act
    const attempt = writeRelease({ storage, index: { indexVersion: 1, releases: [] }, summary: summary(1), files: files('again'), renderIndexHtml: html });
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(writes).toEqual([]);
    expect((await storage.get('public', releaseFile(1, DATASET)))?.body.toString()).toBe('{"tag":"one"}');
  });

  it('refuses with a ConflictError a release number the index already lists', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), renderIndexHtml: html });
    await storage.delete('public', releaseFile(1, DATASET));
    // Act
    const attempt = writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('again'), renderIndexHtml: html });
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect((await storage.get('public', releaseFile(1, POL)))?.body.toString()).toBe('{"ally":"POL","tag":"one"}');
  });

  it('when resuming, leaves the release folder alone and writes only latest/, the index and the page', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    for (const f of files('one')) await storage.put('public', releaseFile(1, f.path), f.body);
    writes.length = 0;
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), resume: true, renderIndexHtml: html });
    // Assess
    expect(writes.map((w) => w.key)).toEqual([...[POL, WORKBOOK, DATASET].map(latestFile), INDEX, PAGE]);
  });
});

