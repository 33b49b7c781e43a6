// The key under which a label or word is looked up in a table: header synonyms, status and
// yes/no words, ally labels. Looking up a normalised form lets "Dépenses de défense",
// "DEPENSES DE DEFENSE" and "dépenses-de-défense" find the same entry.

/** Case, accents, ligatures and punctuation ignored; words separated by single spaces. */
const normaliseLabel = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export { normaliseLabel };
