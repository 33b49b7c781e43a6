// Who may write release n. Before writing anything under releases/<n>/, a publisher (the
// publish function, recompute, `process`, repair) creates the claim object
// publishing/claims/<n>.json in the private data bucket with a create-only put, so of two
// publishers that pick the same number exactly one goes on; the other waits for n to be indexed
// and then computes n+1. Claims live in the data bucket so the public one never shows them.
//
// A claim whose release never reached releases/index.json is abandoned when
//   - its holder released it (it failed and said so), or
//   - its holder was this very process and is no longer publishing (it threw), or
//   - `localHolders` is on (the CLI and the local cloud: every publisher runs on this machine)
//     and the holder's process is gone from this host, or
//   - its lease ran out: the holder's longest possible run is over (on Lambda the timeout is far
//     shorter than the lease, so a holder past its lease is dead for sure).
// An abandoned claim is taken over with a replace-only-that-version put, so again exactly one
// publisher wins it; the winner rewrites the folder. Numbers in the index stay consecutive.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { valuesOf } from '../model/index.ts';
import { BucketRole, dataKeys, PreconditionFailedError } from '../storage/index.ts';
import type { Storage } from '../storage/index.ts';
import { CorruptStoreError } from './errors.ts';

const ClaimState = { active: 'active', released: 'released' } as const;

const ReleaseClaimSchema = z.strictObject({
  claimVersion: z.literal(1),
  release: z.number().int().positive(),
  /** Unique per claim: a holder recognises its own claim by it. */
  token: z.string().min(1),
  claimedAt: z.iso.datetime(),
  /** After this the holder is certainly no longer writing. */
  leaseUntil: z.iso.datetime(),
  holder: z.strictObject({
    host: z.string(),
    pid: z.number().int(),
    /** A random id of the holder's process, so "this process" is never mistaken across hosts. */
    instance: z.string().min(1),
  }),
  /** What the holder is doing: `publish (upload)`, `publish (schedule)`, `repair`… */
  purpose: z.string().min(1),
  state: z.enum(valuesOf(ClaimState)),
});
type ReleaseClaim = z.infer<typeof ReleaseClaimSchema>;

interface ClaimPolicy {
  /** How long a claim holds against publishers on other hosts (longer than any publish runs). */
  leaseMs: number;
  /** How long a publisher waits for another one's release before giving up (ReleaseBusyError). */
  waitMs: number;
  /** Pause between looks while waiting. */
  pollMs: number;
  /**
   * Judge holders on this host by whether their process still runs. Only where every publisher
   * shares this machine (the CLI, the local cloud): Lambda sandboxes may repeat host names and pids.
   */
  localHolders: boolean;
}

/** A Lambda publish ends within 2 minutes; a lease of 10 outlasts it with room to spare. */
const DEFAULT_CLAIM_POLICY: ClaimPolicy = { leaseMs: 10 * 60_000, waitMs: 60_000, pollMs: 200, localHolders: false };

/**
 * Where every publisher shares one machine (the CLI's folder store, the local cloud): dead
 * holders are seen at once, and a live one may be waited for longer than on Lambda.
 */
const LOCAL_CLAIM_POLICY: Partial<ClaimPolicy> = { localHolders: true, waitMs: 5 * 60_000 };

/** This process, as claims name it. */
const INSTANCE = randomUUID();
/** Tokens of the claims this process is publishing under right now. */
const activeTokens = new Set<string>();

const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

type Verdict = { abandoned: true; why: string } | { abandoned: false; why: string };

/** Whether a claim's holder has stopped for good (see the note at the top). */
const judgeClaim = (claim: ReleaseClaim, nowMs: number, policy: Pick<ClaimPolicy, 'localHolders'>): Verdict => {
  if (claim.state === ClaimState.released) return { abandoned: true, why: 'its holder released it' };
  if (claim.holder.instance === INSTANCE) {
    return activeTokens.has(claim.token)
      ? { abandoned: false, why: 'a publish in this process holds it' }
      : { abandoned: true, why: 'the publish in this process that held it has ended' };
  }
  if (policy.localHolders && claim.holder.host === hostname()) {
    return isProcessAlive(claim.holder.pid)
      ? { abandoned: false, why: `process ${claim.holder.pid} on this host holds it` }
      : { abandoned: true, why: `its process ${claim.holder.pid} has ended` };
  }
  return nowMs > Date.parse(claim.leaseUntil)
    ? { abandoned: true, why: `its lease ran out at ${claim.leaseUntil}` }
    : { abandoned: false, why: `${claim.holder.host} holds it until ${claim.leaseUntil}` };
};

interface StoredClaim {
  claim: ReleaseClaim | null;
  etag: string;
}

/** The claim on release n, or null; an unreadable claim object counts as abandoned (claim null). */
const readClaim = async (storage: Storage, n: number): Promise<StoredClaim | null> => {
  const obj = await storage.get(BucketRole.data, dataKeys.releaseClaim(n));
  if (!obj) return null;
  if (!obj.etag) throw new CorruptStoreError(dataKeys.releaseClaim(n), { cause: new Error('the store gave no ETag') });
  try {
    return { claim: ReleaseClaimSchema.parse(JSON.parse(obj.body.toString('utf8'))), etag: obj.etag };
  } catch {
    return { claim: null, etag: obj.etag };
  }
};

interface HeldClaim {
  release: number;
  token: string;
  /** Whether the number was taken over from an abandoned claim (its folder may hold leftovers). */
  reclaimed: boolean;
}

type ClaimAttempt = { held: HeldClaim } | { busy: ReleaseClaim };

interface ClaimRequest {
  storage: Storage;
  release: number;
  purpose: string;
  policy: ClaimPolicy;
  nowMs: number;
  /** Take the number over even from a holder that looks alive (an operator's repair --force). */
  force?: boolean;
  /**
   * Whether release n is in the index by now. Asked before an abandoned claim is taken over: a
   * holder that indexed its release and then ended leaves its claim active, and taking that
   * over would rewrite a release readers already have.
   */
  indexed?: () => Promise<boolean>;
}

const claimBody = (claim: ReleaseClaim): string => `${JSON.stringify(claim, null, 2)}\n`;

/**
 * Tries to claim release n once: creates the claim, or takes over an abandoned one. Either way
 * only one of several racing publishers gets `held`; the others get `busy` with the live claim.
 */
const claimRelease = async ({ storage, release, purpose, policy, nowMs, force = false, indexed }: ClaimRequest): Promise<ClaimAttempt> => {
  const key = dataKeys.releaseClaim(release);
  const mine: ReleaseClaim = {
    claimVersion: 1,
    release,
    token: randomUUID(),
    claimedAt: new Date(nowMs).toISOString(),
    leaseUntil: new Date(nowMs + policy.leaseMs).toISOString(),
    holder: { host: hostname(), pid: process.pid, instance: INSTANCE },
    purpose,
    state: ClaimState.active,
  };
  const json = { contentType: 'application/json; charset=utf-8' };
  for (;;) {
    // Marked active before the write, so no other publish in this process judges it abandoned.
    activeTokens.add(mine.token);
    try {
      await storage.put(BucketRole.data, key, claimBody(mine), { ...json, ifNoneMatch: '*' });
      return { held: { release, token: mine.token, reclaimed: false } };
    } catch (error) {
      activeTokens.delete(mine.token);
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
    const existing = await readClaim(storage, release);
    if (!existing) continue; // removed meanwhile: try to create it again
    if (!force && existing.claim && !judgeClaim(existing.claim, nowMs, policy).abandoned) return { busy: existing.claim };
    if (existing.claim && (await indexed?.())) return { busy: existing.claim };
    activeTokens.add(mine.token);
    try {
      await storage.put(BucketRole.data, key, claimBody(mine), { ...json, ifMatch: existing.etag });
      return { held: { release, token: mine.token, reclaimed: true } };
    } catch (error) {
      activeTokens.delete(mine.token);
      if (!(error instanceof PreconditionFailedError)) throw error;
      // Another publisher took it over first: look again.
    }
  }
};

/** Ends this process's hold; the claim object stays, as the record of who wrote the release. */
const endClaim = (held: HeldClaim): void => {
  activeTokens.delete(held.token);
};

/**
 * After a failure: marks the claim released so the next publisher takes over at once instead
 * of waiting for the lease. Only while the claim is still ours; best effort (the store may be
 * what failed), since a claim left active is still taken over when its lease ends.
 */
const releaseClaim = async (storage: Storage, held: HeldClaim): Promise<void> => {
  endClaim(held);
  try {
    const existing = await readClaim(storage, held.release);
    if (!existing?.claim || existing.claim.token !== held.token) return;
    const released: ReleaseClaim = { ...existing.claim, state: ClaimState.released };
    await storage.put(BucketRole.data, dataKeys.releaseClaim(held.release), claimBody(released), {
      contentType: 'application/json; charset=utf-8',
      ifMatch: existing.etag,
    });
  } catch {
    // The lease, or this process's own record of what it holds, still frees the number.
  }
};

/** Pauses one poll interval (jittered so waiting publishers do not look in step). */
const pause = (policy: ClaimPolicy): Promise<void> => sleep(policy.pollMs * (0.5 + Math.random()));

export { ReleaseClaimSchema, ClaimState, DEFAULT_CLAIM_POLICY, LOCAL_CLAIM_POLICY, claimRelease, releaseClaim, endClaim, readClaim, judgeClaim, pause };
export type { ReleaseClaim, ClaimPolicy, HeldClaim, ClaimAttempt, Verdict };
