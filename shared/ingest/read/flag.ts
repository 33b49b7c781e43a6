// Yes/no cells in English and French (the Illustrative column): a table lookup, like statuses.
import { normaliseLabel } from '../../text/index.ts';

const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  true: true,
  x: true,
  oui: true,
  vrai: true,
  '1': true,
  no: false,
  n: false,
  false: false,
  non: false,
  faux: false,
  '0': false,
};

const EXPECTED_FLAG = 'yes or no (or oui, non, true, false, x)';

/** The yes/no a cell's text says, or null when it says neither. */
const flagOf = (text: string): boolean | null => FLAG_WORDS[normaliseLabel(text)] ?? null;

export { FLAG_WORDS, EXPECTED_FLAG, flagOf };
