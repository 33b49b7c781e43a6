// Atom feeds (RFC 4287) of the releases, so readers and delegations can subscribe: one of every
// release (releases/feed.xml) and one per ally of the releases that changed its figures
// (releases/feeds/<ISO3>.xml), as releases/index.json records them (changedAllies). Rewritten
// with every release, from the index alone. Links are relative to the feed, so the feeds work
// wherever the bucket is served; ids are urn:uuid names made from what never changes (a
// release's number and digest, the store's first release), so a reader never sees an entry twice.
import { createHash } from 'node:crypto';
import { publicKeys } from '../storage/keys.ts';
import type { DatasetAlly } from './dataset.ts';
import type { ComplianceDataset } from './dataset.ts';
import { escapeHtml } from './escape-html.ts';
import type { ReleaseSummary } from './history.ts';
import { ReleaseManifest, allyFeedKey, allyPagePath } from './manifest.ts';
import type { RenderedFile } from './manifest.ts';

/** A feed lists this many releases at most, the newest; releases/index.json lists them all. */
const FEED_ENTRIES = 100;

const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** A name-based UUID (RFC 9562 version 8, from sha256) as a URN: stable, and unique to the name. */
const uuidUrn = (name: string): string => {
  const h = createHash('sha256').update(name, 'utf8').digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x80;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

const entryId = (r: ReleaseSummary) => uuidUrn(`dualtrack release ${r.number} ${r.digest}`);

/** A path relative to the feed's folder, each segment percent-encoded. */
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

const link = (rel: string, type: string, to: string, title?: string) =>
  `<link rel="${rel}" type="${escapeHtml(type)}" href="${escapeHtml(href(to))}"${title ? ` title="${escapeHtml(title)}"` : ''}/>`;

const mediaType = (contentType: string) => contentType.split(';')[0]?.trim() ?? contentType;

/** The first line of every entry: what the release is. */
const releaseFacts = (r: ReleaseSummary): string =>
  `Release ${r.number}, published ${r.publishedAt} (${r.trigger}${r.reason ? `: ${r.reason}` : ''}), reporting year ${r.reportingYear}, rules ${r.rulesId}, digest sha256:${r.digest}.`;

const changedText = (r: ReleaseSummary): string =>
  r.changedAllies === undefined
    ? 'Which allies it changed was not recorded.'
    : r.changedAllies.length === 0
      ? "No ally's figures changed."
      : `Allies whose figures changed: ${r.changedAllies.join(', ')}.`;

interface FeedSpec {
  /** Where the feed lives in the bucket; entry links are made relative to its folder. */
  key: string;
  id: string;
  title: string;
  subtitle: string;
  /** The page the feed follows, as a bucket key. */
  page: string;
  releases: readonly ReleaseSummary[];
  /** One entry's title and what it stands for (a bucket key and its media type): a page, or the release's changes. */
  entry: (r: ReleaseSummary) => { title: string; alternate: { key: string; type: string } };
  rights: string | null;
  updated: string;
}

/** The bucket key `to` as a path relative to the folder of the bucket key `from`. */
const relative = (from: string, to: string): string => {
  const dir = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < dir.length && common < target.length - 1 && dir[common] === target[common]) common += 1;
  return [...dir.slice(common).map(() => '..'), ...target.slice(common)].join('/');
};

const renderFeed = (spec: FeedSpec): Buffer => {
  const at = (key: string) => relative(spec.key, key);
  const entries = spec.releases.map((r) => {
    const { title, alternate } = spec.entry(r);
    const related = [ReleaseManifest.changes, ReleaseManifest.workbook, ReleaseManifest.dataset]
      .map((e) => ({ key: publicKeys.releaseFile(r.number, e.path), type: mediaType(e.contentType), title: e.path }))
      .filter((f) => f.key !== alternate.key);
    return `<entry>
<id>${entryId(r)}</id>
<title>${escapeHtml(title)}</title>
<published>${r.publishedAt}</published>
<updated>${r.publishedAt}</updated>
${link('alternate', alternate.type, at(alternate.key))}
${related.map((f) => link('related', f.type, at(f.key), f.title)).join('\n')}
<summary>${escapeHtml(`${releaseFacts(r)} ${changedText(r)}`)}</summary>
</entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="${ATOM_NS}" xml:lang="en">
<id>${spec.id}</id>
<title>${escapeHtml(spec.title)}</title>
<subtitle>${escapeHtml(spec.subtitle)}</subtitle>
<updated>${spec.updated}</updated>
<author><name>dualtrack publisher</name></author>
<generator>dualtrack</generator>
${spec.rights ? `<rights>${escapeHtml(spec.rights)}</rights>\n` : ''}${link('self', 'application/atom+xml', at(spec.key))}
${link('alternate', 'text/html', at(spec.page))}
${entries.join('\n')}
</feed>
`;
  return Buffer.from(xml, 'utf8');
};

interface FeedsInput {
  dataset: ComplianceDataset;
  /** Every release so far, this one included, any order. */
  history: readonly ReleaseSummary[];
}

/**
 * The feed of every release and one per ally of the dataset, newest release first. An ally's feed
 * lists the releases whose recorded changedAllies name it; a release published before they were
 * recorded is in the main feed only.
 */
const renderFeeds = ({ dataset, history }: FeedsInput): RenderedFile[] => {
  const newestFirst = [...history].sort((a, b) => b.number - a.number);
  const first = newestFirst.at(-1);
  const store = first ? `${first.number} ${first.publishedAt} ${first.digest}` : dataset.release.digest;
  const updated = newestFirst[0]?.publishedAt ?? dataset.release.publishedAt;
  const l = dataset.rules.license;
  const rights = l ? `${l.title} (${l.name}), ${l.path}` : null;
  const main: RenderedFile = {
    path: publicKeys.releasesFeed,
    body: renderFeed({
      key: publicKeys.releasesFeed,
      id: uuidUrn(`dualtrack feed ${store}`),
      title: `dualtrack: ${dataset.rules.name}, every release`,
      subtitle: "Each release of the allies' defence and security-related spending against the commitment, with the allies whose figures it changed.",
      page: publicKeys.indexHtml,
      releases: newestFirst.slice(0, FEED_ENTRIES),
      entry: (r) => ({
        title: `Release ${r.number}: ${r.changedAllies === undefined ? 'published' : `${r.changedAllies.length} ${r.changedAllies.length === 1 ? 'ally' : 'allies'} changed`}`,
        alternate: { key: publicKeys.releaseFile(r.number, ReleaseManifest.changes.path), type: mediaType(ReleaseManifest.changes.contentType) },
      }),
      rights,
      updated,
    }),
  };
  const allyFeed = (ally: DatasetAlly): RenderedFile => {
    const key = allyFeedKey(ally.iso3);
    const releases = newestFirst.filter((r) => r.changedAllies?.includes(ally.iso3)).slice(0, FEED_ENTRIES);
    return {
      path: key,
      body: renderFeed({
        key,
        id: uuidUrn(`dualtrack feed ${ally.iso3} ${store}`),
        title: `dualtrack: ${ally.name} (${ally.iso3}), releases that changed its figures`,
        subtitle: `Each release that changed a figure, status or source of ${ally.name}, linking to its page in that release.`,
        page: publicKeys.latestFile(allyPagePath(ally.iso3, 'en')),
        releases,
        entry: (r) => ({
          title: `${ally.name}: release ${r.number}`,
          alternate: { key: publicKeys.releaseFile(r.number, allyPagePath(ally.iso3, 'en')), type: 'text/html' },
        }),
        rights,
        updated: releases[0]?.publishedAt ?? updated,
      }),
    };
  };
  return [main, ...dataset.allies.map(allyFeed)];
};

export { renderFeeds, uuidUrn, FEED_ENTRIES };
export type { FeedsInput };
