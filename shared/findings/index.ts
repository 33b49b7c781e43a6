// Public surface of findings: the closed table of codes (severity and wording per language), the
// finding's shape and constructor, and the function that words a finding again in a language.
export { FINDINGS, FINDING_CODES, isFindingCode, severityOf } from './codes.ts';
export type { FindingCode, FindingEntry, Sentence } from './codes.ts';
export { FindingSchema, findingOf, rewordFinding, factsOf } from './finding.ts';
export type { Finding, FindingFacts } from './finding.ts';
export { ParamValueSchema, FindingParamsSchema } from './params.ts';
export type { ParamValue, FindingParams } from './params.ts';
export { Severity } from './severity.ts';
export { wordFinding, genericSentence } from './wording.ts';
