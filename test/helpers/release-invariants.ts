// What every store must look like after any sequence of publishes, crashes and races: the index
// numbers its releases 1, 2, 3… with no gap; every indexed file is stored with the sha256 the
// index gives; latest/ is exactly the newest release and the page names it; and bytes that were
// once indexed are the same as when first seen.
import { expect } from 'vitest';
import { ReleasesIndexSchema, sha256Hex } from '../../shared/report/index.ts';
import type { ReleasesIndex } from '../../shared/report/index.ts';
import { publicKeys } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';

/** sha256 of every indexed file, by key: what a reader may already hold. */
type IndexedBytes = Map<string, string>;

const readIndex = async (storage: Storage): Promise<ReleasesIndex> => {
  const obj = await storage.get('public', publicKeys.releasesIndex);
  return obj ? ReleasesIndexSchema.parse(JSON.parse(obj.body.toString('utf8'))) : { indexVersion: 1, releases: [] };
};

const indexedBytes = async (storage: Storage): Promise<IndexedBytes> => {
  const out: IndexedBytes = new Map();
  for (const r of (await readIndex(storage)).releases) {
    for (const f of r.files) {
      const key = publicKeys.releaseFile(r.number, f.path);
      const obj = await storage.get('public', key);
      out.set(key, obj ? sha256Hex(obj.body) : 'missing');
    }
  }
  return out;
};

/**
 * Asserts the invariants above and returns the index. `before`: indexed bytes seen earlier,
 * which must all be unchanged.
 */
const expectConsistentStore = async (storage: Storage, before: IndexedBytes = new Map()): Promise<ReleasesIndex> => {
  const index = await readIndex(storage);
  expect(index.releases.map((r) => r.number), 'release numbers in the index').toEqual(index.releases.map((_, i) => i + 1));
  const now = await indexedBytes(storage);
  for (const r of index.releases) {
    for (const f of r.files) expect(now.get(publicKeys.releaseFile(r.number, f.path)), `releases/${r.number}/${f.path}`).toBe(f.sha256);
  }
  for (const [key, sha] of before) expect(now.get(key), `${key} changed after it was indexed`).toBe(sha);
  const last = index.releases.at(-1);
  const latest = await storage.list('public', publicKeys.latestPrefix);
  if (!last) {
    expect(latest, 'latest/ without any release').toEqual([]);
    return index;
  }
  expect(latest.map((o) => o.key).sort(), 'latest/ holds exactly the newest release').toEqual(last.files.map((f) => publicKeys.latestFile(f.path)).sort());
  for (const f of last.files) {
    const body = (await storage.get('public', publicKeys.latestFile(f.path)))?.body;
    expect(body ? sha256Hex(body) : 'missing', `latest/${f.path}`).toBe(f.sha256);
  }
  const page = (await storage.get('public', publicKeys.indexHtml))?.body.toString('utf8') ?? '';
  expect(page, 'index.html names the newest release').toContain(`release ${last.number}</title>`);
  return index;
};

export { expectConsistentStore, indexedBytes, readIndex };
export type { IndexedBytes };
