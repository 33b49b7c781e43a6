// An operator's repair of a store, within the public bucket's deny rule (it runs as the
// recompute function, or the local cloud's, or on a folder store): it brings latest/ and
// index.html up to the newest indexed release, and discards every release folder above it
// that nobody holds (what a publisher killed half-way left), after claiming its number so no
// publisher writes there meanwhile. Indexed releases are never touched. The next publish then
// finishes the number with the figures of the moment; the recompute that runs a repair does so.
import * as z from 'zod';
import { renderSitePages } from '../report/index.ts';
import { BucketRole, publicKeys } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { claimRelease, DEFAULT_CLAIM_POLICY, endClaim, releaseClaim } from './release-claim.ts';
import type { ClaimPolicy } from './release-claim.ts';
import { readIndexVersion, settleLatest } from './release-writer.ts';

const RepairReportSchema = z.object({
  /** latest/ and index.html were behind the index and have been brought up to it. */
  settled: z.boolean(),
  /** Keys removed from release folders the index does not list. */
  discarded: z.array(z.string()),
  /** A release folder left alone because a live publisher holds its number (no --force). */
  busy: z.object({ release: z.number().int().positive(), holder: z.string() }).nullable(),
});
type RepairReport = z.infer<typeof RepairReportSchema>;

interface RepairInput {
  storage: Storage;
  /** Take numbers over even from holders that look alive (the operator knows they are gone). */
  force?: boolean;
  claim?: Partial<ClaimPolicy>;
}

const repairStore = async ({ storage, force = false, claim }: RepairInput): Promise<RepairReport> => {
  const policy: ClaimPolicy = { ...DEFAULT_CLAIM_POLICY, ...claim };
  const { index } = await readIndexVersion(storage);
  const settled = await settleLatest(storage, index, (dataset, history, files) => renderSitePages({ dataset, history, files }));
  const discarded: string[] = [];
  // Publishers only ever write the number after the last indexed one; look on while folders exist.
  for (let n = (index.releases.at(-1)?.number ?? 0) + 1; ; n += 1) {
    const leftovers = await storage.list(BucketRole.public, publicKeys.releasePrefix(n));
    if (leftovers.length === 0) break;
    // A publisher may index n meanwhile; its folder is then a release, not leftovers.
    const isIndexed = async (): Promise<boolean> => ((await readIndexVersion(storage)).index.releases.at(-1)?.number ?? 0) >= n;
    const attempt = await claimRelease({ storage, release: n, purpose: 'repair', policy, nowMs: Date.now(), force, indexed: isIndexed });
    if ('busy' in attempt && (await isIndexed())) break;
    if ('held' in attempt && (await isIndexed())) {
      endClaim(attempt.held);
      break;
    }
    if ('busy' in attempt) {
      const { holder, purpose, claimedAt } = attempt.busy;
      return { settled, discarded, busy: { release: n, holder: `${purpose} on ${holder.host} (pid ${holder.pid}) since ${claimedAt}` } };
    }
    try {
      for (const o of leftovers) {
        await storage.delete(BucketRole.public, o.key);
        discarded.push(o.key);
      }
    } finally {
      await releaseClaim(storage, attempt.held);
    }
  }
  return { settled, discarded, busy: null };
};

export { repairStore, RepairReportSchema };
export type { RepairReport, RepairInput };
