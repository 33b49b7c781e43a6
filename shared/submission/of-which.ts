// "Of which" rows and columns: a breakdown line that names its part after a phrase saying it
// is part of the total above ("of which personnel", "dont équipements majeurs", "davon
// Personal"). The reader strips the phrase, with the punctuation around it, and reads the rest
// as the header it is. The phrases are those national statistical offices and finance
// ministries print in their own tables, one line each, in the language they are written in;
// they are compared on their normalised form (case, accents and punctuation ignored).
import { normaliseLabel } from '../text/index.ts';

/** Phrase → the language (ISO 639-1) that writes it. */
const OF_WHICH: Readonly<Record<string, string>> = {
  'of which': 'en',
  'o/w': 'en',
  thereof: 'en',
  whereof: 'en',
  dont: 'fr',
  davon: 'de',
  darunter: 'de',
  waarvan: 'nl',
  hiervan: 'nl',
  'w.v.': 'nl',
  heraf: 'da',
  hvoraf: 'da',
  herav: 'no',
  hvorav: 'no',
  derav: 'no',
  varav: 'sv',
  därav: 'sv',
  'þar af': 'is',
  josta: 'fi',
  joista: 'fi',
  'di cui': 'it',
  'de los cuales': 'es',
  'de las cuales': 'es',
  'del cual': 'es',
  'de la cual': 'es',
  'dos quais': 'pt',
  'das quais': 'pt',
  'do qual': 'pt',
  'da qual': 'pt',
  'z toho': 'cs',
  'v tom': 'sk',
  'w tym': 'pl',
  'z tego': 'pl',
  ebből: 'hu',
  'iš jų': 'lt',
  'iš to skaičiaus': 'lt',
  'tai skaitā': 'lv',
  't.sk.': 'lv',
  sealhulgas: 'et',
  'sh.': 'et',
  millest: 'et',
  'din care': 'ro',
  'din acestea': 'ro',
  'от които': 'bg',
  'в т.ч.': 'bg',
  'в това число': 'bg',
  'od toga': 'hr',
  'od čega': 'hr',
  'od kojih': 'sr',
  'од кои': 'mk',
  'od tega': 'sl',
  'od česar': 'sl',
  'nga të cilat': 'sq',
  'nga të cilët': 'sq',
  'prej të cilave': 'sq',
  'εκ των οποίων': 'el',
  'από τα οποία': 'el',
  'από τις οποίες': 'el',
  bunun: 'tr',
  bunlardan: 'tr',
};

/** Each phrase as its normalised words, longest first so "iš to skaičiaus" beats a shorter one. */
const PHRASES: readonly (readonly string[])[] = Object.keys(OF_WHICH)
  .map((phrase) => normaliseLabel(phrase).split(' '))
  .sort((a, b) => b.length - a.length);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Marks that may stand before the phrase ("- of which", "(of which)", "• dont"). */
const LEADING = /^[\s\p{P}\p{S}]*$/u;

/** Marks that close the phrase before the part's name (": ", ") ", " – "). */
const TRAILING = /^[\s:;.,)\]\-–—]*/u;

/**
 * The label without its leading "of which" phrase and that phrase's punctuation ("- of which:
 * personnel" → "personnel", "(dont) équipements" → "équipements"); null when it starts with no
 * such phrase or nothing follows it.
 */
const withoutOfWhich = (label: string): string | null => {
  const words = [...label.matchAll(WORD)];
  const first = words[0];
  if (!first || !LEADING.test(label.slice(0, first.index))) return null;
  // A word of the label may hold several normalised words ("t.sk." is one phrase of two).
  const normalised = words.flatMap((w, i) => normaliseLabel(w[0]).split(' ').map((n) => ({ n, end: (w.index ?? 0) + w[0].length, i })));
  for (const phrase of PHRASES) {
    if (phrase.length >= normalised.length) continue;
    if (!phrase.every((word, k) => normalised[k]?.n === word)) continue;
    const last = normalised[phrase.length - 1];
    const next = normalised[phrase.length];
    // The phrase must end where a word of the label ends ("dontaine" is no "dont").
    if (!last || !next || next.i === last.i) continue;
    const rest = label.slice(last.end).replace(TRAILING, '').trim();
    return rest === '' ? null : rest;
  }
  return null;
};

export { OF_WHICH, withoutOfWhich };
