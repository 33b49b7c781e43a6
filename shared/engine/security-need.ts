// The security-related track as The Hague 2025 declaration frames it: allies "account for up to
// 1.5% of GDP" of security-related spending towards the 5%. The 1.5% is a ceiling on what counts,
// not a target of its own, and core spending above 3.5% counts towards the 5% as well. So what an
// ally needs from the track in a year is
//   need = min(cap, max(0, combinedTarget − corePct))
// (core 3.0 or 3.5 → 1.5; core 4.0 → 1.0; core 5.0 → 0), and the track is judged on that need.
// An ally without armed forces counts no core, so it needs the cap.
import { SecurityTargetFrom } from '../model/index.ts';
import type { EffectiveTargets } from '../model/index.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { fromNumber, max, min, sub, ZERO } from './exact.ts';

const needFor = (corePct: Exact, combined: Exact, cap: Exact): Exact => min(cap, max(ZERO, sub(combined, corePct)));

/** What the combined target needs from security-related spending in a year with this core ratio. */
const securityNeed = (corePct: Measured, targets: EffectiveTargets, noArmedForces: boolean): Measured => {
  const combined = fromNumber(targets.combined);
  const cap = fromNumber(targets.securityCap);
  if (noArmedForces) return { value: needFor(ZERO, combined, cap) };
  if (corePct.value === null) {
    return { value: null, reason: `what the combined target needs from security-related spending is unknown: ${corePct.reason ?? 'no core ratio'}` };
  }
  return { value: needFor(corePct.value, combined, cap) };
};

interface SecurityTarget {
  /** The need in the target year: the security-related track's target and the end of its path. */
  pct: Exact;
  /** The core ratio it rests on, or null when the core target stood in (or the ally has no armed forces). */
  corePct: Exact | null;
  from: SecurityTargetFrom;
}

/**
 * The security-related target: the need in the target year, from the ally's own core ratio that
 * year (its plan) or, when it has none, from the core target it is held to.
 */
const securityTarget = (coreInTargetYear: Exact | null, targets: EffectiveTargets, noArmedForces: boolean): SecurityTarget => {
  const combined = fromNumber(targets.combined);
  const cap = fromNumber(targets.securityCap);
  if (noArmedForces) return { pct: needFor(ZERO, combined, cap), corePct: null, from: SecurityTargetFrom.noArmedForces };
  if (coreInTargetYear !== null) return { pct: needFor(coreInTargetYear, combined, cap), corePct: coreInTargetYear, from: SecurityTargetFrom.ally };
  return { pct: needFor(fromNumber(targets.core), combined, cap), corePct: null, from: SecurityTargetFrom.coreTarget };
};

export { securityNeed, securityTarget };
export type { SecurityTarget };
