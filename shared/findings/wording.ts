// The one function that turns a finding's code and facts into a sentence, in a language.
import type { Lang } from '../text/index.ts';
import { FINDINGS, isFindingCode } from './codes.ts';
import type { FindingCode } from './codes.ts';
import type { FindingParams } from './params.ts';
import { en, fr, str } from './phrasing.ts';

/**
 * The sentence for a code the table does not hold, which only a hand-edited stored receipt
 * can bring: never an empty message.
 */
const genericSentence = (code: string, params: FindingParams = {}, lang: Lang = 'en'): string => {
  const found = str(params.found);
  const expected = str(params.expected);
  if (lang === 'fr') {
    const facts = [found && `trouvé ${found}`, expected && `attendu ${expected}`].filter(Boolean).join(' ; ');
    return `${code.replaceAll('-', ' ')}${fr.forYear(params)}${fr.at(params)}${facts ? `\u00a0: ${facts}` : ''}.`;
  }
  const facts = [found && `found ${found}`, expected && `expected ${expected}`].filter(Boolean).join('; ');
  return `${code.replaceAll('-', ' ')}${en.forYear(params)}${en.at(params)}${facts ? `: ${facts}` : ''}.`;
};

/** The sentence of a finding: its code's wording in `lang` (English by default), made from its facts. */
const wordFinding = (code: FindingCode, params: FindingParams = {}, lang: Lang = 'en'): string =>
  isFindingCode(code) ? FINDINGS[code][lang](params) : genericSentence(code, params, lang);

export { wordFinding, genericSentence };
