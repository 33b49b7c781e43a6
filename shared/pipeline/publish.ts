// The publisher: rebuilds the whole release from every ally's current figures (the merge of all
// its accepted submissions, kept by ingest: current-store.ts), so the result never depends on
// which upload triggered it or in what order events arrived. A publish whose dataset digest
// equals the latest release's writes nothing (duplicates, retries). Publishers running at once
// (the queue's, recompute, two `process` runs) take turns through the claim on each release
// number, and every crash is finished by the next publish.
import { fxTableDigest } from '../config/index.ts';
import { computeCompliance } from '../engine/index.ts';
import type { ReleaseTrigger, Rules } from '../model/index.ts';
import { ALLIES, rateYears, usdRate } from '../reference/index.ts';
import type { AllyRef, FxTable } from '../reference/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest, buildDataset, changedAllies, renderSitePages, renderRelease } from '../report/index.ts';
import type { ComplianceDataset, ReleaseSummary, RenderedFile } from '../report/index.ts';
import { BucketRole, PreconditionFailedError, publicKeys } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { readCurrentFigures } from './current-store.ts';
import { ReleaseBusyError } from './errors.ts';
import { figuresOf } from './merge-current.ts';
import type { PublishOutcome } from './publish-outcome.ts';
import { claimRelease, DEFAULT_CLAIM_POLICY, endClaim, judgeClaim, pause, readClaim, releaseClaim } from './release-claim.ts';
import type { ClaimPolicy, ReleaseClaim } from './release-claim.ts';
import { readIndexVersion, settleLatest, writeRelease } from './release-writer.ts';
import type { RenderPageOf } from './release-writer.ts';
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
  /** sha256 of the table (shared/config fxTableDigest): the release names the table by it. */
  fxSha256?: string;
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
  /** How release numbers are claimed (lease, waiting); defaults in release-claim.ts. */
  claim?: Partial<ClaimPolicy>;
}

/** The reference of the shipped allies and an exchange-rate table. */
const referenceFromFx = (table: FxTable, allies: readonly AllyRef[] = ALLIES): PublishReference => ({
  allies,
  usdRate: (currency, year) => usdRate(table, currency, year),
  rateYears: rateYears(table),
  fxSource: table.source,
  fxSha256: fxTableDigest(table),
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

/** The release's line in releases/index.json, with the allies it changed since `previous` (for their feeds). */
const summaryOf = (dataset: ComplianceDataset, previous: ComplianceDataset | null): Omit<ReleaseSummary, 'files'> => {
  const { number, publishedAt, trigger, reason, rulesId, reportingYear, fxTable, digest } = dataset.release;
  return {
    number,
    publishedAt,
    trigger,
    ...(reason === undefined ? {} : { reason }),
    rulesId,
    reportingYear,
    ...(fxTable === undefined ? {} : { fxTable }),
    digest,
    changedAllies: changedAllies(previous, dataset),
  };
};

/**
 * The files of an abandoned release folder as stored, at the paths the renderers give them, or
 * null when one is missing (the folder is not complete, so it is rewritten instead).
 */
const storedReleaseFiles = async (storage: Storage, n: number, rendered: readonly RenderedFile[]): Promise<RenderedFile[] | null> => {
  const out: RenderedFile[] = [];
  for (const f of rendered) {
    const obj = await storage.get(BucketRole.public, publicKeys.releaseFile(n, f.path));
    if (!obj) return null;
    out.push({ path: f.path, body: obj.body });
  }
  return out;
};

const pageOf: RenderPageOf = (dataset, history, files) => renderSitePages({ dataset, history, files });

/**
 * Waits while another publisher holds the claim on release n: until n is in the index, or the
 * claim is abandoned (then the caller starts over), or `waitMs` since `sinceMs` is spent.
 */
const waitForRelease = async (storage: Storage, n: number, holder: ReleaseClaim, policy: ClaimPolicy, sinceMs: number): Promise<void> => {
  let current = holder;
  for (;;) {
    if (Date.now() - sinceMs > policy.waitMs) {
      throw new ReleaseBusyError(n, `${current.purpose} on ${current.holder.host} (pid ${current.holder.pid}) since ${current.claimedAt}`);
    }
    await pause(policy);
    const last = (await readIndexVersion(storage)).index.releases.at(-1)?.number ?? 0;
    if (last >= n) return;
    const claim = await readClaim(storage, n);
    if (!claim?.claim || judgeClaim(claim.claim, Date.now(), policy).abandoned) return;
    current = claim.claim;
  }
};

/**
 * Publishes a new release when the dataset differs from the latest one. Serialised by claims:
 * the next number is claimed before anything is written under it, and an abandoned number is
 * taken over (release-claim.ts); the index commit is conditional (release-writer.ts). A crash
 * anywhere is finished by the next publish: latest/ and the page are first brought up to the
 * index, and an abandoned folder is reused when it holds this very dataset or rewritten.
 */
const publish = async (input: PublishInput): Promise<PublishOutcome> => {
  const { storage, rules, reference, trigger, reason, now } = input;
  const policy: ClaimPolicy = { ...DEFAULT_CLAIM_POLICY, ...input.claim };
  const startedMs = Date.now();
  const written: string[] = [];
  const recording: Storage = {
    ...storage,
    put: async (bucket, key, body, options) => {
      await storage.put(bucket, key, body, options);
      if (bucket === BucketRole.public) written.push(key);
    },
  };

  for (;;) {
    const { index, etag } = await readIndexVersion(storage);
    await settleLatest(recording, index, pageOf);
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
      ...(reference.fxSha256 === undefined ? {} : { fxSha256: reference.fxSha256 }),
    });
    const digest = dataset.release.digest;
    if (latest && latest.digest === digest) {
      return { published: false, release: latest.number, digest, reportingYear, written };
    }

    const isIndexed = async (): Promise<boolean> => ((await readIndexVersion(storage)).index.releases.at(-1)?.number ?? 0) >= number;
    const attempt = await claimRelease({ storage, release: number, purpose: `publish (${trigger})`, policy, nowMs: Date.now(), indexed: isIndexed });
    if ('busy' in attempt) {
      await waitForRelease(storage, number, attempt.busy, policy, startedMs);
      continue;
    }
    const held = attempt.held;
    // The index may have taken this number between our read and the claim (its publisher ended
    // right after): then nothing may be written under it; start over from the new index.
    if (await isIndexed()) {
      endClaim(held);
      continue;
    }
    try {
      const previous = latest ? await readPreviousDataset(storage, latest.number) : null;
      // An earlier holder of this number may have left a complete folder with this very
      // dataset: finish it from its stored bytes (readers may hold them) instead of rewriting.
      const orphan = await readDatasetAt(storage, publicKeys.releaseFile(number, ReleaseManifest.dataset.path));
      const reused =
        orphan && orphan.release.digest === digest && orphan.release.number === number
          ? await storedReleaseFiles(storage, number, await renderRelease({ dataset: orphan, previous, history: index.releases }))
          : null;
      const shown = reused && orphan ? orphan : dataset;
      await writeRelease({
        storage: recording,
        index,
        indexEtag: etag,
        summary: summaryOf(shown, previous),
        files: reused ?? (await renderRelease({ dataset, previous, history: index.releases })),
        resume: reused !== null,
        renderPages: (history, releaseFiles) => renderSitePages({ dataset: shown, history, files: releaseFiles }),
      });
      endClaim(held);
      return { published: true, release: number, digest, reportingYear, written };
    } catch (error) {
      await releaseClaim(storage, held);
      // The index moved under us (the claim was taken over meanwhile): nothing was appended,
      // so look again from the start.
      if (error instanceof PreconditionFailedError && error.key === publicKeys.releasesIndex && Date.now() - startedMs <= policy.waitMs) continue;
      throw error;
    }
  }
};

/** A yearly or analyst-requested republish: the same flow, with the reason recorded. */
const recompute = (input: Omit<PublishInput, 'trigger'> & { trigger: 'schedule' | 'manual' }): Promise<PublishOutcome> => publish(input);

export { publish, recompute, referenceFromFx };
export type { PublishInput, PublishReference };
