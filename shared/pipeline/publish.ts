// The publisher: rebuilds the whole release from every ally's current figures (the merge of all
// its accepted submissions, kept by ingest: current-store.ts), so the result never depends on
// which upload triggered it or in what order events arrived. A publish whose dataset digest
// equals the latest release's writes nothing (duplicates, retries).
import { computeCompliance } from '../engine/index.ts';
import type { ReleaseTrigger, Rules } from '../model/index.ts';
import { ALLIES, rateYears, usdRate } from '../reference/index.ts';
import type { AllyRef, FxTable } from '../reference/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest, buildDataset, renderIndexHtml, renderRelease } from '../report/index.ts';
import type { ComplianceDataset, ReleaseSummary, RenderedFile } from '../report/index.ts';
import { BucketRole, publicKeys } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { ConflictError } from './errors.ts';
import { readCurrentFigures } from './current-store.ts';
import { figuresOf } from './merge-current.ts';
import type { PublishOutcome } from './publish-outcome.ts';
import { readReleasesIndex, writeRelease } from './release-writer.ts';
import { defaultReportingYear } from './reporting-year.ts';
import { vintagesOf } from './vintages.ts';

/** What the engine needs to know beyond the records, plus where the exchange rates come from. */
interface PublishReference {
  allies: readonly AllyRef[];
  /** National currency units per USD in a year; null when unknown. */
  usdRate: (currency: string, year: number) => number | null;
  /** The years the exchange-rate table covers (with a rate or null). */
  rateYears: readonly number[];
  /** The exchange-rate table's source line, printed in the dataset. */
  fxSource: string;
}

interface PublishInput {
  storage: Storage;
  rules: Rules;
  reference: PublishReference;
  trigger: ReleaseTrigger;
  reason?: string;
  /** The year the standings are about; by default see defaultReportingYear. */
  reportingYear?: number;
  now: Date;
}

/** The reference of the shipped allies and an exchange-rate table. */
const referenceFromFx = (table: FxTable, allies: readonly AllyRef[] = ALLIES): PublishReference => ({
  allies,
  usdRate: (currency, year) => usdRate(table, currency, year),
  rateYears: rateYears(table),
  fxSource: table.source,
});

/** A release's dataset, or null when there is none at `key` or it is not one this version reads. */
const readDatasetAt = async (storage: Storage, key: string): Promise<ComplianceDataset | null> => {
  const obj = await storage.get(BucketRole.public, key);
  if (!obj) return null;
  try {
    const parsed = ComplianceDatasetSchema.safeParse(JSON.parse(obj.body.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

// changes.json compares with the previous release; a dataset of an older schema version cannot
// be compared field by field, so it counts as no previous release rather than blocking publishing.
const readPreviousDataset = (storage: Storage, n: number): Promise<ComplianceDataset | null> =>
  readDatasetAt(storage, publicKeys.releaseFile(n, ReleaseManifest.dataset.path));

const summaryOf = (dataset: ComplianceDataset): Omit<ReleaseSummary, 'files'> => {
  const { number, publishedAt, trigger, reason, rulesId, reportingYear, digest } = dataset.release;
  return { number, publishedAt, trigger, ...(reason === undefined ? {} : { reason }), rulesId, reportingYear, digest };
};

/**
 * The files of a finished release as stored (its bytes are what readers may already hold), at
 * the paths the renderers give them. A missing file means the folder is not the complete
 * release it claims to be.
 */
const storedReleaseFiles = async (storage: Storage, n: number, rendered: readonly RenderedFile[]): Promise<RenderedFile[]> => {
  const out: RenderedFile[] = [];
  for (const f of rendered) {
    const key = publicKeys.releaseFile(n, f.path);
    const obj = await storage.get(BucketRole.public, key);
    if (!obj) throw new ConflictError(n, key);
    out.push({ path: f.path, body: obj.body });
  }
  return out;
};

const publish = async (input: PublishInput): Promise<PublishOutcome> => {
  const { storage, rules, reference, trigger, reason, now } = input;
  const index = await readReleasesIndex(storage);
  const figures = await readCurrentFigures(storage, now);
  const records = figures.flatMap(figuresOf);
  const reportingYear = input.reportingYear ?? defaultReportingYear(records, reference.allies, now.getUTCFullYear());
  const result = computeCompliance(
    records,
    rules,
    { allies: reference.allies, usdRate: reference.usdRate, rateYears: reference.rateYears },
    { vintages: vintagesOf(figures) },
  );
  const latest = index.releases.at(-1);
  const number = (latest?.number ?? 0) + 1;
  const dataset = buildDataset({
    result,
    rules,
    release: { number, publishedAt: now.toISOString(), trigger, ...(reason === undefined ? {} : { reason }), reportingYear },
    fxSource: reference.fxSource,
  });
  const digest = dataset.release.digest;
  if (latest && latest.digest === digest) {
    return { published: false, release: latest.number, digest, reportingYear, written: [] };
  }

  const previous = latest ? await readPreviousDataset(storage, latest.number) : null;
  const written: string[] = [];
  const recording: Storage = {
    ...storage,
    put: async (bucket, key, body, options) => {
      await storage.put(bucket, key, body, options);
      written.push(key);
    },
  };

  // A publisher that stopped after completing releases/<n>/ but before the index left a release
  // nobody links to yet. When it holds this very dataset, finish it from its stored bytes
  // instead of failing for ever; a different release there is a conflict (writeRelease throws).
  const orphan = await readDatasetAt(storage, publicKeys.releaseFile(number, ReleaseManifest.dataset.path));
  if (orphan && orphan.release.digest === digest) {
    const files = await storedReleaseFiles(storage, number, await renderRelease({ dataset: orphan, previous, history: index.releases }));
    await writeRelease({
      storage: recording,
      index,
      summary: summaryOf(orphan),
      files,
      resume: true,
      renderIndexHtml: (history, releaseFiles) => renderIndexHtml({ dataset: orphan, history, files: releaseFiles }),
    });
    return { published: true, release: number, digest, reportingYear, written };
  }

  const files = await renderRelease({ dataset, previous, history: index.releases });
  await writeRelease({
    storage: recording,
    index,
    summary: summaryOf(dataset),
    files,
    renderIndexHtml: (history, releaseFiles) => renderIndexHtml({ dataset, history, files: releaseFiles }),
  });
  return { published: true, release: number, digest, reportingYear, written };
};

/** A yearly or analyst-requested republish: the same flow, with the reason recorded. */
const recompute = (input: Omit<PublishInput, 'trigger'> & { trigger: 'schedule' | 'manual' }): Promise<PublishOutcome> => publish(input);

export { publish, recompute, referenceFromFx };
export type { PublishInput, PublishReference };
