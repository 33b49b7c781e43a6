// Public surface of the record-level checks.
export { CHECKS, runChecks } from './run-checks.ts';
export { allyMatches } from './ally.ts';
export { breakdownAddsUp } from './breakdown.ts';
export { figuresComplete } from './completeness.ts';
export { currencyOfAlly } from './currency.ts';
export { duplicateYears } from './duplicate-years.ts';
export { gdpJump } from './gdp-jump.ts';
export { noYears } from './no-years.ts';
export { statusFitsYear, defaultStatus } from './status.ts';
export { SHIPPED_REFERENCE, uploadYear, effectiveAlly } from './context.ts';
export type { Check, CheckContext, CheckReference } from './context.ts';
