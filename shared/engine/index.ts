// The compliance engine's public surface: pure functions from merged records, rules and
// reference data to the compliance result (DESIGN §6).
export { computeCompliance, inEuropeCanada } from './compute.ts';
export type { EngineReference } from './compute.ts';
export type { UsdRate } from './year-work.ts';
export { EngineError, DuplicateRecordError, UnknownAllyError } from './errors.ts';
