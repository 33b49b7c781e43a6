// The compliance engine's public surface: pure functions from merged records, rules and
// reference data to the compliance result (DESIGN §6). Choices the design leaves open:
// - Arithmetic is exact (fractions of BigInts over the decimals as submitted; see exact.ts), so
//   3.5% of 1000 is exactly 3.5 and every boundary (≥ target, ≥ path, tolerance) is decided
//   without floating-point luck. Floats appear only in the output.
// - Two records for one ally and year throw DuplicateRecordError, a record for an ally not in
//   the reference throws UnknownAllyError: guessing would make results depend on input order.
// - The security-related track is a ceiling, not a target: each year it is judged on what the
//   combined target needs from it, min(cap, max(0, combined − core)) (security-need.ts); its
//   path runs from its baseline to that need in the target year, and its gap is to the need.
// - The rules' review year is reported per ally as a checkpoint (status and distance to path).
// - An ally with `noArmedForces` is listed with a note; its core and combined tracks are
//   no_data ("not assessed"), its legacy checks null, and it is left out of alliance sums.
// - "Europe and Canada" is every ally whose reference entry says `europeCanada`.
// - USD: a year before an ally's euro changeover uses its legacy currency's dollar rate; a year
//   without a rate takes the latest earlier one, flagged as carried forward (exchange.ts).
// - Alliance sums are computed at current rates and at constant rates (one year's rates for every
//   year), each over the members expected that year with figures, GDP, core spending and a rate,
//   naming its coverage and who is left out and why; security and equipment ratios cover the
//   subset reporting them, as `reasons` then says. Status counts cover the allies reporting.
// - Plans against outturn (plan-outturn.ts): each year lists what earlier accepted submissions
//   planned or estimated for it; a per-ally summary averages how far plans made 1 and 2 years
//   ahead missed the outturn. The history comes as figure vintages; without them only the
//   merged records are known.
// - The money gap (money-gap.ts, money-gap-sums.ts): per ally, Σ (path − ratio)·GDP/100 over the
//   baseline to target years for the plan and for the latest actual ratio held flat, GDP as
//   submitted and grown at the latest submitted growth beyond; summed in USD at constant rates.
export { computeCompliance } from './compute.ts';
export type { EngineReference, ComputeOptions } from './compute.ts';
export type { FigureVintage } from './plan-outturn.ts';
export type { UsdRate } from './exchange.ts';
export { EngineError, DuplicateRecordError, UnknownAllyError } from './errors.ts';
