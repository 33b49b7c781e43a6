// The compliance engine's public surface: pure functions from merged records, rules and
// reference data to the compliance result (DESIGN §6). Choices the design leaves open:
// - Arithmetic is exact (fractions of BigInts over the decimals as submitted; see exact.ts), so
//   3.5% of 1000 is exactly 3.5 and every boundary (≥ target, ≥ path, tolerance) is decided
//   without floating-point luck. Floats appear only in the output.
// - Two records for one ally and year throw DuplicateRecordError, a record for an ally not in
//   the reference throws UnknownAllyError: guessing would make results depend on input order.
// - The security track is judged on the capped ratio (securityCountedPct), as is its gap.
// - An ally with `noArmedForces` is listed with a note; its core and combined tracks are
//   no_data ("not assessed"), its legacy checks null, and it is left out of alliance sums.
// - "Europe and Canada" is the europe group plus Canada (NATO's grouping: all but the USA).
// - Alliance sums cover the allies with a record, GDP, core spending and a USD rate that year;
//   security and equipment ratios cover the subset reporting them, as `reasons` then says.
//   Status counts cover the allies reporting that year.
export { computeCompliance, inEuropeCanada } from './compute.ts';
export type { EngineReference } from './compute.ts';
export type { UsdRate } from './year-work.ts';
export { EngineError, DuplicateRecordError, UnknownAllyError } from './errors.ts';
