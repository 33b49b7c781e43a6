// The record-level checks, run in this order as a list; a new check is a new file and a line here.
import { allyMatches } from './ally.ts';
import { breakdownAddsUp } from './breakdown.ts';
import { figuresComplete } from './completeness.ts';
import type { Check, CheckContext } from './context.ts';
import { currencyOfAlly } from './currency.ts';
import { duplicateYears } from './duplicate-years.ts';
import { gdpJump } from './gdp-jump.ts';
import { noYears } from './no-years.ts';
import { statusFitsYear } from './status.ts';
import type { DraftRecord } from '../draft.ts';
import type { Finding } from '../../model/index.ts';

const CHECKS: readonly Check[] = [
  noYears,
  allyMatches,
  duplicateYears,
  statusFitsYear,
  currencyOfAlly,
  breakdownAddsUp,
  figuresComplete,
  gdpJump,
];

/** Every finding of every check: all problems are collected before answering. */
const runChecks = (drafts: readonly DraftRecord[], context: CheckContext, checks: readonly Check[] = CHECKS): Finding[] =>
  checks.flatMap((check) => check(drafts, context));

export { CHECKS, runChecks };
