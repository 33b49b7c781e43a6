// A workbook that yields no year at all cannot be filed: say so rather than accept nothing.
import { findingOf } from '../../findings/index.ts';
import type { Check } from './context.ts';

const noYears: Check = (drafts) => (drafts.length > 0 ? [] : [findingOf('no-years')]);

export { noYears };
