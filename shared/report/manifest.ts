// The release manifest: every file the publisher writes to the public bucket, with its path, its
// content type, how long readers may cache it, the name a browser saves it under and what it
// holds. The renderers, the writer, the data package, the page and the tests name files only
// through this table. Free of zod and the renderers, so the stack may read it for its outputs.
import { publicKeys } from '../storage/keys.ts';

/** How long a reader may keep a copy: for good (it never changes), or about a minute. */
const CacheClass = { immutable: 'immutable', short: 'short' } as const;
type CacheClass = (typeof CacheClass)[keyof typeof CacheClass];

/** The Cache-Control header of each class. */
const CACHE_CONTROL: Readonly<Record<CacheClass, string>> = {
  immutable: 'public, max-age=31536000, immutable',
  short: 'public, max-age=60',
};

/** Where a file lives: in every release folder (`release`), or once at a fixed key (`site`). */
const FileScope = { release: 'release', site: 'site' } as const;
type FileScope = (typeof FileScope)[keyof typeof FileScope];

/** The placeholder for an ally's ISO 3166 alpha-3 code in a path pattern. */
const ISO3_PLACEHOLDER = '<ISO3>';

interface ManifestEntry {
  readonly scope: FileScope;
  /**
   * Release files: the path relative to the release folder (releases/<n>/, copied to latest/),
   * where `<ISO3>` stands for each ally's code. Site files: the key in the public bucket.
   */
  readonly path: string;
  readonly contentType: string;
  /**
   * Release files: the class of the versioned copy under releases/<n>/ (the copy under latest/
   * is always short, see cacheControlOf). Site files: the class of the one copy.
   */
  readonly cache: CacheClass;
  /** The file name a browser saves the file of release `n` under; absent, the path's own. */
  readonly downloadName?: (release: number) => string;
  /** What the file holds, for readers (the page, the data package, the docs). */
  readonly description: string;
}

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * Every file of the public bucket a publish writes, in the order the page lists them and the
 * renderer produces them (the data package last: it lists the files before it).
 */
const ReleaseManifest = {
  dataset: {
    scope: FileScope.release,
    path: 'compliance.json',
    contentType: JSON_TYPE,
    cache: CacheClass.immutable,
    description: 'The full dataset: every ally and year, the alliance aggregates, the rules and notes.',
  },
  schema: {
    scope: FileScope.release,
    path: 'schema.json',
    contentType: 'application/schema+json',
    cache: CacheClass.immutable,
    description: 'JSON Schema (draft 2020-12) of compliance.json.',
  },
  csv: {
    scope: FileScope.release,
    path: 'compliance.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    cache: CacheClass.immutable,
    description: 'One row per ally and year.',
  },
  allianceCsv: {
    scope: FileScope.release,
    path: 'alliance.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    cache: CacheClass.immutable,
    description:
      'Sums over allies: one row per year, group (all allies, Europe and Canada) and exchange-rate basis, with the allies covered and left out.',
  },
  workbook: {
    scope: FileScope.release,
    path: 'compliance.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    cache: CacheClass.immutable,
    downloadName: (release: number) => `dualtrack-release-${release}.xlsx`,
    description: 'The workbook: summary, standings, one sheet per track, alliance, counts, checkpoint, sources, rules and notes.',
  },
  workbookFr: {
    scope: FileScope.release,
    path: 'compliance.fr.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    cache: CacheClass.immutable,
    downloadName: (release: number) => `dualtrack-release-${release}.fr.xlsx`,
    description: 'The workbook in French, the same figures under French sheet names and headings (le classeur en français).',
  },
  changes: {
    scope: FileScope.release,
    path: 'changes.json',
    contentType: JSON_TYPE,
    cache: CacheClass.immutable,
    description: 'What changed since the previous release.',
  },
  ally: {
    scope: FileScope.release,
    path: `allies/${ISO3_PLACEHOLDER}.json`,
    contentType: JSON_TYPE,
    cache: CacheClass.immutable,
    description: "One ally's history with the release header.",
  },
  allyPage: {
    scope: FileScope.release,
    path: `allies/${ISO3_PLACEHOLDER}.html`,
    contentType: HTML_TYPE,
    cache: CacheClass.immutable,
    description: "One ally's page: its path to the target year as a chart and a table, the review-year checkpoint, plans against outturn and the money gap.",
  },
  allyPageFr: {
    scope: FileScope.release,
    path: `allies/${ISO3_PLACEHOLDER}.fr.html`,
    contentType: HTML_TYPE,
    cache: CacheClass.immutable,
    description: "The ally's page in French (page de l'Allié en français).",
  },
  datapackage: {
    scope: FileScope.release,
    path: 'datapackage.json',
    contentType: JSON_TYPE,
    cache: CacheClass.immutable,
    description: 'Frictionless Data Package descriptor of the other files, with their sizes and sha256.',
  },
  releasesIndex: {
    scope: FileScope.site,
    path: publicKeys.releasesIndex,
    contentType: 'application/json; charset=utf-8',
    cache: CacheClass.short,
    description: 'Every release: number, time, trigger, rules, reporting year, digest, and its files with sha256 and size.',
  },
  feed: {
    scope: FileScope.site,
    path: publicKeys.releasesFeed,
    contentType: ATOM_TYPE,
    cache: CacheClass.short,
    description: 'An Atom feed of the releases, newest first: what each changed, with links to its files.',
  },
  allyFeed: {
    scope: FileScope.site,
    path: publicKeys.allyFeed(ISO3_PLACEHOLDER),
    contentType: ATOM_TYPE,
    cache: CacheClass.short,
    description: "An Atom feed per ally of the releases that changed its figures, each linking to the ally's page of that release.",
  },
  pageFr: {
    scope: FileScope.site,
    path: publicKeys.indexHtmlFr,
    contentType: HTML_TYPE,
    cache: CacheClass.short,
    description: 'The page in French (la page en français).',
  },
  page: {
    scope: FileScope.site,
    path: publicKeys.indexHtml,
    contentType: HTML_TYPE,
    cache: CacheClass.short,
    description:
      'The page: latest standings with a link to each ally\'s page, a chart, the money gap, the alliance figures by year, the review-year checkpoint, the downloads and the release history.',
  },
} as const satisfies Readonly<Record<string, ManifestEntry>>;
type ManifestName = keyof typeof ReleaseManifest;

/** The manifest's release-folder files, in manifest order. */
const RELEASE_FILES: readonly ManifestEntry[] = Object.values(ReleaseManifest).filter((e) => e.scope === FileScope.release);

/** One file of a release as rendered, stored and written; `path` is relative to the release folder. */
interface RenderedFile {
  path: string;
  body: Buffer;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for a path pattern: `<ISO3>` matches three upper-case letters and is captured. */
const patternOf = (path: string): RegExp =>
  new RegExp(`^${path.split(ISO3_PLACEHOLDER).map(escapeRegExp).join('([A-Z]{3})')}$`);
const MATCHERS: readonly (readonly [ManifestEntry, RegExp])[] = RELEASE_FILES.map((e) => [e, patternOf(e.path)] as const);

/** The manifest entry a release-folder path is an instance of, or null when the manifest lists no such file. */
const releaseEntryOf = (path: string): ManifestEntry | null => MATCHERS.find(([, re]) => re.test(path))?.[0] ?? null;

/** The path of ally `iso3`'s file in a release folder. */
const allyFilePath = (iso3: string): string => ReleaseManifest.ally.path.replace(ISO3_PLACEHOLDER, iso3);

/** The path of ally `iso3`'s page in a release folder, in English or French. */
const allyPagePath = (iso3: string, lang: 'en' | 'fr'): string =>
  (lang === 'fr' ? ReleaseManifest.allyPageFr : ReleaseManifest.allyPage).path.replace(ISO3_PLACEHOLDER, iso3);

/** Pages are for people: the data package and the download list leave them out. */
const isPageEntry = (entry: ManifestEntry): boolean => entry.contentType === HTML_TYPE;

const SITE_MATCHERS: readonly (readonly [ManifestEntry, RegExp])[] = Object.values(ReleaseManifest)
  .filter((e) => e.scope === FileScope.site)
  .map((e) => [e, patternOf(e.path)] as const);

/** The manifest entry of a key at the bucket root (a page, the index, a feed), or null when the manifest lists no such file. */
const siteEntryOf = (key: string): ManifestEntry | null => SITE_MATCHERS.find(([, re]) => re.test(key))?.[0] ?? null;

/** The key of ally `iso3`'s feed. */
const allyFeedKey = (iso3: string): string => ReleaseManifest.allyFeed.path.replace(ISO3_PLACEHOLDER, iso3);

/** The ally whose file `path` is, or null when it is not an ally file. */
const allyOfPath = (path: string): string | null => patternOf(ReleaseManifest.ally.path).exec(path)?.[1] ?? null;

/** Which copy of a release file: the versioned one under releases/<n>/, or the one under latest/. */
type ReleaseCopy = 'versioned' | 'latest';

/** The class a copy is cached under: latest/ moves with every release, so its copies are short. */
const cacheClassOf = (entry: ManifestEntry, copy: ReleaseCopy = 'versioned'): CacheClass =>
  entry.scope === FileScope.release && copy === 'latest' ? CacheClass.short : entry.cache;

/** The Cache-Control header of a copy. */
const cacheControlOf = (entry: ManifestEntry, copy: ReleaseCopy = 'versioned'): string => CACHE_CONTROL[cacheClassOf(entry, copy)];

/** The Content-Disposition that gives the file of release `n` its download name, if it has one. */
const contentDispositionOf = (entry: ManifestEntry, release: number): string | undefined =>
  entry.downloadName ? `attachment; filename="${entry.downloadName(release)}"` : undefined;

/** The headers one stored copy of a file carries. */
const storedHeadersOf = (
  entry: ManifestEntry,
  release: number,
  copy: ReleaseCopy = 'versioned',
): { contentType: string; cacheControl: string; contentDisposition?: string } => {
  const disposition = contentDispositionOf(entry, release);
  return {
    contentType: entry.contentType,
    cacheControl: cacheControlOf(entry, copy),
    ...(disposition === undefined ? {} : { contentDisposition: disposition }),
  };
};

/** The media type without parameters, as a data package lists it. */
const mediaTypeOf = (contentType: string): string => contentType.split(';')[0]?.trim() ?? contentType;

export {
  CacheClass,
  CACHE_CONTROL,
  FileScope,
  ISO3_PLACEHOLDER,
  ReleaseManifest,
  RELEASE_FILES,
  releaseEntryOf,
  siteEntryOf,
  allyFeedKey,
  allyFilePath,
  allyPagePath,
  allyOfPath,
  isPageEntry,
  cacheClassOf,
  cacheControlOf,
  contentDispositionOf,
  storedHeadersOf,
  mediaTypeOf,
};
export type { ManifestEntry, ManifestName, RenderedFile, ReleaseCopy };
