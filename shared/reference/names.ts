// Matching an ally named the way people write it: "Türkiye", "TURKEY", "the Netherlands",
// "U.K.", "Macédoine du Nord". Names are reduced to a key before comparison, so spelling
// variants in case, accents, punctuation and spacing all land on the same key.
import type { AllyRef } from './types.ts';

/** Leading articles dropped so "the Netherlands", "les Pays-Bas" or "l'Allemagne" match. */
const ARTICLES = new Set(['the', 'le', 'la', 'les', 'l']);

const nameKey = (text: string): string => {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  if (words.length > 1 && ARTICLES.has(words[0] ?? '')) words.shift();
  return words.join('');
};

const namesOf = (ally: AllyRef): string[] => [ally.iso3, ally.iso2, ally.nameEn, ally.nameFr, ...ally.aliases];

/**
 * Build a lookup over a list of allies. A key shared by two allies is ambiguous and matches
 * neither: guessing would put one ally's figures under another's name.
 */
const allyFinder = (allies: readonly AllyRef[]): ((text: string) => AllyRef | null) => {
  const byKey = new Map<string, AllyRef | null>();
  for (const ally of allies) {
    for (const name of namesOf(ally)) {
      const key = nameKey(name);
      if (key === '') continue;
      const known = byKey.get(key);
      byKey.set(key, known === undefined || known?.iso3 === ally.iso3 ? ally : null);
    }
  }
  return (text) => byKey.get(nameKey(text)) ?? null;
};

export { nameKey, allyFinder };
