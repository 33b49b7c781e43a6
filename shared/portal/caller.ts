// Who is calling, from the claims of a token the authorizer (API Gateway's JWT authorizer, or the
// local verifier) has already checked for issuer, audience and expiry. The ally comes from the
// token's groups and from nothing else: a request can never name the ally it writes for.
import * as z from 'zod';
import { allyByIso3 } from '../reference/index.ts';
import { refusal } from './refusals.ts';
import type { Refusal } from './refusals.ts';

/** The group of analysts, who read every ally's receipts and upload for none. */
const ANALYSTS_GROUP = 'analysts';
/** Each ally's group: `ally-EST`. */
const ALLY_GROUP_PREFIX = 'ally-';
const allyGroup = (iso3: string): string => `${ALLY_GROUP_PREFIX}${iso3}`;
const ALLY_GROUP = /^ally-([A-Z]{3})$/;

/**
 * `cognito:groups` as a token carries it (a JSON array), or as API Gateway's HTTP API hands a
 * JWT authorizer's array claim to the function: one string, `[ally-EST analysts]`.
 */
const GroupsSchema = z.union([
  z.array(z.string()),
  z
    .string()
    .regex(/^\[.*\]$/s, 'a list of groups')
    .transform((text) => text.slice(1, -1).split(/[\s,]+/).filter((g) => g !== '')),
]);

/** The claims the portal reads; other claims (iss, aud, exp, iat) are the authorizer's business. */
const PortalClaimsSchema = z.looseObject({
  sub: z.string().min(1),
  email: z.email(),
  token_use: z.literal('id'),
  'cognito:groups': GroupsSchema.optional(),
});
type PortalClaims = z.infer<typeof PortalClaimsSchema>;

type Caller =
  | { kind: 'submitter'; ally: string; email: string; sub: string }
  | { kind: 'analyst'; email: string; sub: string };

type CallerOutcome = { ok: true; caller: Caller } | { ok: false; refusal: Refusal };

/** The caller the claims describe, or why they describe none. */
const callerOf = (claims: unknown): CallerOutcome => {
  const parsed = PortalClaimsSchema.safeParse(claims);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || 'claims').join(', ');
    return { ok: false, refusal: refusal('bad-token', `The sign-in token is not a portal ID token (check ${where}); sign in again.`) };
  }
  const { sub, email } = parsed.data;
  const groups = parsed.data['cognito:groups'] ?? [];
  const allyGroups = groups.filter((g) => g.startsWith(ALLY_GROUP_PREFIX));
  const analyst = groups.includes(ANALYSTS_GROUP);
  if (analyst && allyGroups.length > 0) {
    return { ok: false, refusal: refusal('ambiguous-ally', `This account is both an analyst and in ${allyGroups.join(', ')}; an operator must keep one.`) };
  }
  if (analyst) return { ok: true, caller: { kind: 'analyst', email, sub } };
  if (allyGroups.length === 0) {
    return { ok: false, refusal: refusal('no-ally', 'This account belongs to no ally; ask an operator to add it to its ally with `dualtrack users add`.') };
  }
  if (allyGroups.length > 1) {
    return { ok: false, refusal: refusal('ambiguous-ally', `This account is in ${allyGroups.length} ally groups (${allyGroups.join(', ')}); an operator must keep one.`) };
  }
  const iso3 = ALLY_GROUP.exec(allyGroups[0] ?? '')?.[1] ?? null;
  if (iso3 === null || allyByIso3(iso3) === null) {
    return { ok: false, refusal: refusal('no-ally', `The group ${allyGroups[0]} names no ally; ask an operator to fix this account's group.`) };
  }
  return { ok: true, caller: { kind: 'submitter', ally: iso3, email, sub } };
};

export { callerOf, allyGroup, PortalClaimsSchema, ANALYSTS_GROUP, ALLY_GROUP_PREFIX };
export type { Caller, CallerOutcome, PortalClaims };
