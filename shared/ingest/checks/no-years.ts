// A workbook that yields no year at all cannot be filed: say so rather than accept nothing.
import { Severity } from '../../model/vocab.ts';
import { findingOf } from '../messages.ts';
import type { Check } from './context.ts';

const noYears: Check = (drafts) => (drafts.length > 0 ? [] : [findingOf({ severity: Severity.error, code: 'no-years' })]);

export { noYears };
