import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/report/index.ts';
import type { ReleasesIndex } from '../../../shared/report/index.ts';
import { CACHE_IMMUTABLE, CACHE_SHORT, ConflictError, readReleasesIndex, writeRelease } from '../../../shared/pipeline/index.ts';
import type { ReleaseFileBody } from '../../../shared/pipeline/index.ts';
import { createMemoryStorage } from '../../../shared/storage/index.ts';
import { recordingStorage } from '../../helpers/recording-storage.ts';

const summary = (number: number) => ({
  number,
  publishedAt: '2026-11-27T03:00:00.000Z',
  trigger: 'cli' as const,
  rulesId: 'hague-2025',
  reportingYear: 2025,
  digest: String(number).repeat(64).slice(0, 64),
});

const files = (tag: string, extra: ReleaseFileBody[] = []): ReleaseFileBody[] => [
  { path: 'compliance.json', body: `{"tag":"${tag}"}`, contentType: 'application/json' },
  { path: 'allies/POL.json', body: `{"ally":"POL","tag":"${tag}"}`, contentType: 'application/json' },
  { path: 'compliance.xlsx', body: Buffer.from(`xlsx-${tag}`), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentDisposition: 'attachment; filename="dualtrack.xlsx"' },
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
      key.startsWith('releases/1/') ? 0 : key.startsWith('latest/') ? 1 : key === 'releases/index.json' ? 2 : key === 'index.html' ? 3 : 9;
    const ranks = writes.map((w) => rank(w.key));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks).toEqual([0, 0, 0, 1, 1, 1, 2, 3]);
    expect(writes.filter((w) => w.key.startsWith('releases/1/')).at(-1)?.key).toBe('releases/1/compliance.json');
  });

  it('marks versioned files immutable, latest/ and indexes short-lived, and keeps the download name', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), renderIndexHtml: html });
    // Assess
    const opts = Object.fromEntries(writes.map((w) => [w.key, w.options]));
    expect(opts['releases/1/compliance.xlsx']).toEqual({
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      cacheControl: CACHE_IMMUTABLE,
      contentDisposition: 'attachment; filename="dualtrack.xlsx"',
    });
    expect(opts['latest/compliance.json']).toEqual({ contentType: 'application/json', cacheControl: CACHE_SHORT });
    expect(opts['releases/index.json']?.cacheControl).toBe(CACHE_SHORT);
    expect(opts['index.html']).toEqual({ contentType: 'text/html; charset=utf-8', cacheControl: CACHE_SHORT });
    expect(CACHE_IMMUTABLE).toBe('public, max-age=31536000, immutable');
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
      { path: 'allies/POL.json', sha256: sha256Hex('{"ally":"POL","tag":"two"}'), bytes: 26 },
      { path: 'compliance.json', sha256: sha256Hex('{"tag":"two"}'), bytes: 13 },
      { path: 'compliance.xlsx', sha256: sha256Hex('xlsx-two'), bytes: 8 },
    ]);
  });

  it('removes from latest/ a file the new release no longer has, and leaves the old release alone', async () => {
    // Prepare
    const storage = createMemoryStorage();
    const extra = { path: 'allies/EST.json', body: '{}', contentType: 'application/json' };
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one', [extra]), renderIndexHtml: html });
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(2), files: files('two'), renderIndexHtml: html });
    // Assess
    expect((await storage.list('public', 'latest/')).map((o) => o.key)).toEqual(['latest/allies/POL.json', 'latest/compliance.json', 'latest/compliance.xlsx']);
    expect((await storage.get('public', 'releases/1/allies/EST.json'))?.body.toString()).toBe('{}');
    expect((await storage.get('public', 'latest/compliance.json'))?.body.toString()).toBe('{"tag":"two"}');
  });

  it('refuses with a ConflictError to write a release whose folder already holds compliance.json, writing nothing', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), renderIndexHtml: html });
    writes.length = 0;
    // Act
    const attempt = writeRelease({ storage, index: { indexVersion: 1, releases: [] }, summary: summary(1), files: files('again'), renderIndexHtml: html });
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(writes).toEqual([]);
    expect((await storage.get('public', 'releases/1/compliance.json'))?.body.toString()).toBe('{"tag":"one"}');
  });

  it('refuses with a ConflictError a release number the index already lists', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), renderIndexHtml: html });
    await storage.delete('public', 'releases/1/compliance.json');
    // Act
    const attempt = writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('again'), renderIndexHtml: html });
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect((await storage.get('public', 'releases/1/allies/POL.json'))?.body.toString()).toBe('{"ally":"POL","tag":"one"}');
  });

  it('when resuming, leaves the release folder alone and writes only latest/, the index and the page', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(createMemoryStorage());
    for (const f of files('one')) await storage.put('public', `releases/1/${f.path}`, f.body);
    writes.length = 0;
    // Act
    await writeRelease({ storage, index: await readReleasesIndex(storage), summary: summary(1), files: files('one'), resume: true, renderIndexHtml: html });
    // Assess
    expect(writes.map((w) => w.key)).toEqual([
      'latest/allies/POL.json',
      'latest/compliance.xlsx',
      'latest/compliance.json',
      'releases/index.json',
      'index.html',
    ]);
  });
});

