// The Atom feeds read by a well-kept Atom parser (Debian's python3-feedparser), as a feed reader
// would: every feed parses as Atom 1.0 without complaint, each ally's lists exactly the releases
// that changed it, and every link resolves to the file it names once the feed is served.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseManifest, allyFeedKey, renderSitePages } from '../../../shared/report/index.ts';
import type { ReleaseSummary, RenderedFile } from '../../../shared/report/index.ts';
import { publicKeys } from '../../../shared/storage/index.ts';
import { makeDataset } from '../../helpers/dataset.ts';
import { runPython } from '../../helpers/debian-tools.ts';
import { tempDirs } from '../../helpers/temp.ts';

const BASE = 'https://reports.example.org/';

// Each feed parsed as if fetched from BASE + its key with the content type the bucket serves it
// with, so relative links resolve as a reader's would.
const PARSE = `
import json, sys, feedparser
out = {}
for path, key in zip(sys.argv[3::2], sys.argv[4::2]):
    f = feedparser.parse(path, response_headers={'content-location': sys.argv[1] + key, 'content-type': sys.argv[2]})
    out[key] = {
        'bozo': bool(f.bozo), 'problem': str(f.get('bozo_exception', '')), 'version': f.version,
        'id': f.feed.get('id'), 'title': f.feed.get('title'), 'updated': f.feed.get('updated'),
        'self': [l['href'] for l in f.feed.get('links', []) if l.get('rel') == 'self'],
        'rights': f.feed.get('rights'),
        'entries': [{
            'id': e.get('id'), 'title': e.get('title'), 'updated': e.get('updated'),
            'alternate': [l['href'] for l in e.get('links', []) if l.get('rel') == 'alternate'],
            'related': [l['href'] for l in e.get('links', []) if l.get('rel') == 'related'],
            'summary': e.get('summary'),
        } for e in f.entries],
    }
print(json.dumps(out))
`;

interface ParsedFeed {
  bozo: boolean;
  problem: string;
  version: string;
  id: string;
  title: string;
  updated: string;
  self: string[];
  rights: string | null;
  entries: { id: string; title: string; updated: string; alternate: string[]; related: string[]; summary: string }[];
}

const temp = tempDirs('dualtrack-feeds-');

/** Writes the rendered feeds to a folder laid out like the bucket and parses each with feedparser. */
const parseFeeds = async (files: readonly RenderedFile[]): Promise<Record<string, ParsedFeed>> => {
  const dir = temp.make();
  const feeds = files.filter((f) => f.path.endsWith('.xml'));
  const args: string[] = [BASE, ReleaseManifest.feed.contentType];
  for (const f of feeds) {
    const path = join(dir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.body);
    args.push(path, f.path);
  }
  return JSON.parse(await runPython(PARSE, args, 'feedparser', 'python3-feedparser')) as Record<string, ParsedFeed>;
};

const release = (number: number, changedAllies?: string[]): ReleaseSummary => ({
  number,
  publishedAt: `2026-0${number}-01T12:00:00.000Z`,
  trigger: number === 1 ? 'cli' : 'upload',
  rulesId: 'hague-2025',
  reportingYear: 2026,
  digest: String(number).repeat(64),
  files: [],
  ...(changedAllies === undefined ? {} : { changedAllies }),
});

// Release 1 predates the record of changed allies; 2 changed DEU and USA; 3 changed DEU alone.
const HISTORY = [release(2, ['DEU', 'USA']), release(1), release(3, ['DEU'])];

describe('the Atom feeds', () => {
  it('parse as Atom 1.0 without a complaint: the feed of every release and one per ally', async () => {
    // Prepare
    const dataset = makeDataset();

    // Act
    const feeds = await parseFeeds(renderSitePages({ dataset, history: HISTORY, files: [] }));

    // Assess
    expect(Object.keys(feeds).sort()).toEqual([publicKeys.releasesFeed, ...dataset.allies.map((a) => allyFeedKey(a.iso3))].sort());
    for (const [key, feed] of Object.entries(feeds)) {
      expect({ key, bozo: feed.bozo, problem: feed.problem, version: feed.version }).toEqual({ key, bozo: false, problem: '', version: 'atom10' });
      expect(feed.self).toEqual([`${BASE}${key}`]);
      expect(feed.rights).toBe('Creative Commons Attribution 4.0 International (CC-BY-4.0), https://creativecommons.org/licenses/by/4.0/');
    }
  });

  it('lists every release newest first, each linking to its changes, workbook and dataset', async () => {
    // Prepare / Act
    const feed = (await parseFeeds(renderSitePages({ dataset: makeDataset(), history: HISTORY, files: [] })))[publicKeys.releasesFeed]!;

    // Assess
    expect(feed.entries.map((e) => e.title)).toEqual(['Release 3: 1 ally changed', 'Release 2: 2 allies changed', 'Release 1: published']);
    expect(feed.updated).toBe('2026-03-01T12:00:00.000Z');
    expect(feed.entries[0]?.alternate).toEqual([`${BASE}${publicKeys.releaseFile(3, ReleaseManifest.changes.path)}`]);
    expect(feed.entries[0]?.related).toEqual([
      `${BASE}${publicKeys.releaseFile(3, ReleaseManifest.workbook.path)}`,
      `${BASE}${publicKeys.releaseFile(3, ReleaseManifest.dataset.path)}`,
    ]);
    expect(feed.entries[1]?.summary).toContain('Allies whose figures changed: DEU, USA.');
    expect(feed.entries[2]?.summary).toContain('Which allies it changed was not recorded.');
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(3);
    expect(feed.entries.every((e) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(e.id))).toBe(true);
  });

  it("gives each ally the releases that changed its figures, each linking to the ally's page of that release", async () => {
    // Prepare / Act
    const feeds = await parseFeeds(renderSitePages({ dataset: makeDataset(), history: HISTORY, files: [] }));
    const main = feeds[publicKeys.releasesFeed]!;
    const titles = (iso3: string) => feeds[allyFeedKey(iso3)]?.entries.map((e) => e.title);

    // Assess
    expect(titles('DEU')).toEqual(['Germany: release 3', 'Germany: release 2']);
    expect(titles('USA')).toEqual(['United States: release 2']);
    expect(titles('ALB')).toEqual([]);
    const deu = feeds[allyFeedKey('DEU')]!;
    expect(deu.entries[0]?.alternate).toEqual([`${BASE}releases/3/allies/DEU.html`]);
    expect(deu.entries.map((e) => e.id)).toEqual(main.entries.slice(0, 2).map((e) => e.id));
    expect(deu.updated).toBe('2026-03-01T12:00:00.000Z');
    expect(feeds[allyFeedKey('USA')]?.updated).toBe('2026-02-01T12:00:00.000Z');
  });

  it('keeps every id when a release is added, so a reader sees no entry twice', async () => {
    // Prepare
    const dataset = makeDataset();
    const before = await parseFeeds(renderSitePages({ dataset, history: HISTORY.slice(0, 2), files: [] }));

    // Act
    const after = await parseFeeds(renderSitePages({ dataset, history: HISTORY, files: [] }));

    // Assess
    const ids = (feeds: Record<string, ParsedFeed>) => feeds[publicKeys.releasesFeed]!.entries.map((e) => e.id);
    expect(after[publicKeys.releasesFeed]?.id).toBe(before[publicKeys.releasesFeed]?.id);
    expect(ids(after).slice(1)).toEqual(ids(before));
  });
});
