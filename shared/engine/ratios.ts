// One year's amounts and ratios (DESIGN §6): corePct = 100·C/g, securityPct = 100·S/g,
// securityCountedPct = min(securityPct, cap), combinedPct = corePct + securityCountedPct,
// equipmentSharePct = 100·E/C. All exact; a ratio that cannot be computed carries its reason.
import type { SecurityPart, SubmissionRecord } from '../model/index.ts';
import type { Measured } from './amounts.ts';
import { coreAmount, equipmentAmount, securityEligibleAmount } from './amounts.ts';
import type { Exact } from './exact.ts';
import { add, div, frac, fromNumber, HUNDRED, isZero, min, mul } from './exact.ts';

interface YearAmounts {
  /** GDP, null when missing or zero (nothing can be a share of it). */
  gdp: Measured;
  core: Measured;
  /** S: eligible categories only. */
  security: Measured;
  /** The part of S that counts: at most cap% of GDP. */
  securityCounted: Measured;
  equipment: Measured;
}

interface YearRatios {
  corePct: Measured;
  securityPct: Measured;
  securityCountedPct: Measured;
  combinedPct: Measured;
  equipmentSharePct: Measured;
}

/** The distinct reasons behind some measured values (a combined reason is split back into its parts). */
const reasonList = (...ms: Measured[]): string[] => [
  ...new Set(ms.flatMap((m) => (m.reason ? m.reason.split(SEPARATOR) : []))),
];
const joinReasons = (...ms: Measured[]): string | undefined => {
  const reasons = reasonList(...ms);
  return reasons.length > 0 ? reasons.join(SEPARATOR) : undefined;
};
const SEPARATOR = '; ';

/** Combines measured inputs: null with every reason if any input is null, else f of the values. */
const lift = (f: (...xs: Exact[]) => Exact | null, whenNull: string, ...ms: Measured[]): Measured => {
  const reason = joinReasons(...ms);
  const values = ms.map((m) => m.value);
  if (values.some((v) => v === null)) return { value: null, ...(reason ? { reason } : {}) };
  const value = f(...(values as Exact[]));
  if (value === null) return { value: null, reason: reason ? `${whenNull}${SEPARATOR}${reason}` : whenNull };
  return reason ? { value, reason } : { value };
};

/** The amounts of a year's figures: any record-shaped figures (a record, or an earlier submission's). */
type YearFigures = Pick<SubmissionRecord, 'gdp' | 'core' | 'security'>;

const gdpOf = (record: YearFigures): Measured => {
  if (record.gdp === null) return { value: null, reason: 'GDP not reported' };
  if (record.gdp === 0) return { value: null, reason: 'GDP is zero' };
  return { value: fromNumber(record.gdp) };
};

const pctOf = (part: Exact, whole: Exact): Exact | null => div(mul(HUNDRED, part), whole);

/** The amount that is pct% of a whole: pct·whole/100. */
const amountAt = (pct: Exact, whole: Exact): Exact => mul(mul(pct, whole), ONE_HUNDREDTH);
const ONE_HUNDREDTH = frac(1n, 100n);

const yearAmounts = (record: YearFigures, cap: Exact, eligible: readonly SecurityPart[]): YearAmounts => {
  const gdp = gdpOf(record);
  const security = securityEligibleAmount(record.security, eligible);
  return {
    gdp,
    core: coreAmount(record.core),
    security,
    securityCounted: lift((s, g) => min(s, amountAt(cap, g)), 'unreachable', security, gdp),
    equipment: equipmentAmount(record.core),
  };
};

const yearRatios = (amounts: YearAmounts, cap: Exact): YearRatios => {
  const { gdp, core, security, equipment } = amounts;
  const corePct = lift(pctOf, 'GDP is zero', core, gdp);
  const securityPct = lift(pctOf, 'GDP is zero', security, gdp);
  const securityCountedPct = lift((s) => min(s, cap), 'unreachable', securityPct);
  const combinedPct = lift(add, 'unreachable', corePct, securityCountedPct);
  const equipmentSharePct =
    core.value !== null && isZero(core.value)
      ? { value: null, reason: 'core defence expenditure is zero' }
      : lift(pctOf, 'core defence expenditure is zero', equipment, core);
  return { corePct, securityPct, securityCountedPct, combinedPct, equipmentSharePct };
};

export { yearAmounts, yearRatios, joinReasons, reasonList, amountAt, pctOf };
export type { YearAmounts, YearRatios, YearFigures };
