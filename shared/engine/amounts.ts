// The amounts a year is judged on (C, S and E of DESIGN §6), read from a record's totals and
// breakdowns. A missing amount is a value with a reason, never a zero.
import type { Core, CorePart, Security, SecurityPart } from '../model/index.ts';
import { CORE_PARTS, SECURITY_PARTS } from '../model/index.ts';
import type { Exact } from './exact.ts';
import { fromNumber, sum } from './exact.ts';

/** An amount or ratio; `reason` says why value is null, or why it rests on a partial breakdown. */
interface Measured {
  value: Exact | null;
  reason?: string;
}

const missing = (reason: string): Measured => ({ value: null, reason });

const given = <K extends string>(parts: Partial<Record<K, number>>, keys: readonly K[]) => {
  const present = keys.filter((k) => parts[k] !== undefined);
  const absent = keys.filter((k) => parts[k] === undefined);
  return { present, absent, total: sum(present.map((k) => fromNumber(parts[k] ?? 0))) };
};

/** C: the core total, or the sum of its breakdown when every part is given and the total is not. */
const coreAmount = (core: Core): Measured => {
  if (core.total !== null) return { value: fromNumber(core.total) };
  const parts = given<CorePart>(core, CORE_PARTS);
  return parts.absent.length === 0 ? { value: parts.total } : missing('core defence expenditure not reported');
};

/**
 * S: security-related spending in the eligible categories only. When every category is
 * eligible, that is the total (or the full breakdown's sum). Otherwise it is the sum of the
 * eligible parts given, flagged as partial when some are missing, and unknown when none is
 * given (unless the total is zero, which leaves nothing to break down).
 */
const securityEligibleAmount = (security: Security, eligible: readonly SecurityPart[]): Measured => {
  const categories = SECURITY_PARTS.filter((p) => eligible.includes(p));
  const everything = categories.length === SECURITY_PARTS.length;
  const parts = given<SecurityPart>(security, categories);
  if (everything) {
    if (security.total !== null) return { value: fromNumber(security.total) };
    return parts.absent.length === 0 ? { value: parts.total } : missing('security-related expenditure not reported');
  }
  if (parts.present.length === 0) {
    if (security.total === 0) return { value: parts.total };
    return missing(`security-related breakdown not reported for the eligible categories (${categories.join(', ')})`);
  }
  if (parts.absent.length === 0) return { value: parts.total };
  return { value: parts.total, reason: `security-related breakdown lacks eligible categories ${parts.absent.join(', ')}: counted as 0` };
};

/** E: major equipment including related R&D. */
const equipmentAmount = (core: Core): Measured =>
  core.equipment !== undefined ? { value: fromNumber(core.equipment) } : missing('major equipment expenditure not reported');

export { coreAmount, securityEligibleAmount, equipmentAmount };
export type { Measured };
