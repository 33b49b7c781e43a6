// Units and currencies declared around a table: "EUR million", "en milliers", "millions
// d'euros", "bn", "in thousands of leva", "Units: thousands". Everything is normalised to
// millions, so a unit is a power of ten relative to a million.

/** Power of ten that turns an amount in the declared unit into millions. */
type Scale = -6 | -3 | 0 | 3;

interface UnitSpec {
  scale: Scale | null;
  currency: string | null;
  /** The amounts are shares of GDP in per cent ("% of GDP", "% du PIB"). */
  percentOfGdp: boolean;
  /** Words in a unit position that are neither a scale nor a currency (e.g. "lakh"). */
  unknown: string[];
}

const SCALE_WORDS: Readonly<Record<string, Scale>> = {
  unit: -6,
  units: -6,
  unite: -6,
  unites: -6,
  ones: -6,
  thousand: -3,
  thousands: -3,
  thous: -3,
  th: -3,
  k: -3,
  '000': -3,
  '000s': -3,
  millier: -3,
  milliers: -3,
  mille: -3,
  million: 0,
  millions: 0,
  mn: 0,
  mns: 0,
  mio: 0,
  mios: 0,
  mln: 0,
  mill: 0,
  m: 0,
  billion: 3,
  billions: 3,
  bn: 3,
  bns: 3,
  bln: 3,
  b: 3,
  milliard: 3,
  milliards: 3,
  mrd: 3,
  mrds: 3,
  md: 3,
  mds: 3,
};

/** Scale words too short to trust in running text unless a currency stands beside them. */
const SHORT_SCALE_WORDS = new Set(['k', 'm', 'b', 'th', 'md', 'mill', 'mds', 'unit', 'units', 'unite', 'unites', 'ones', '000', 'mille']);

/** ISO 4217 codes of every ally's present and past currencies, plus the US dollar. */
const CURRENCY_CODES = new Set([
  'ALL', 'BEF', 'BGN', 'CAD', 'CZK', 'DEM', 'DKK', 'EEK', 'ESP', 'EUR', 'FIM', 'FRF', 'GBP', 'GRD', 'HRK', 'HUF', 'ISK',
  'ITL', 'LTL', 'LUF', 'LVL', 'MKD', 'NLG', 'NOK', 'PLN', 'PTE', 'RON', 'ROL', 'SEK', 'SIT', 'SKK', 'TRL', 'TRY', 'USD',
]);

/** Codes that are ordinary words in capitals too; trusted only beside a scale word. */
const WORDLIKE_CODES = new Set(['ALL', 'ESP', 'TRY', 'ROL']);

/** Currency names (normalised: lower case, no accents), one or more words. */
const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  '€': 'EUR',
  leva: 'BGN',
  lev: 'BGN',
  лв: 'BGN',
  kuna: 'HRK',
  kune: 'HRK',
  kunas: 'HRK',
  'us dollar': 'USD',
  'us dollars': 'USD',
  'dollars us': 'USD',
  'dollars americains': 'USD',
  'canadian dollar': 'CAD',
  'canadian dollars': 'CAD',
  'dollars canadiens': 'CAD',
  pound: 'GBP',
  pounds: 'GBP',
  sterling: 'GBP',
  'pounds sterling': 'GBP',
  'livres sterling': 'GBP',
  '£': 'GBP',
  zloty: 'PLN',
  zlotys: 'PLN',
  złoty: 'PLN',
  złotych: 'PLN',
  zlotych: 'PLN',
  forint: 'HUF',
  forints: 'HUF',
  koruna: 'CZK',
  korun: 'CZK',
  'czech koruna': 'CZK',
  'czech crowns': 'CZK',
  'couronnes tcheques': 'CZK',
  'danish krone': 'DKK',
  'danish kroner': 'DKK',
  'couronnes danoises': 'DKK',
  'norwegian krone': 'NOK',
  'norwegian kroner': 'NOK',
  'couronnes norvegiennes': 'NOK',
  'swedish krona': 'SEK',
  'swedish kronor': 'SEK',
  kronor: 'SEK',
  'couronnes suedoises': 'SEK',
  'icelandic krona': 'ISK',
  kronur: 'ISK',
  lei: 'RON',
  leu: 'RON',
  lira: 'TRY',
  'turkish lira': 'TRY',
  'livres turques': 'TRY',
  lek: 'ALL',
  leke: 'ALL',
  denar: 'MKD',
  denari: 'MKD',
  denars: 'MKD',
  lats: 'LVL',
  lati: 'LVL',
  litas: 'LTL',
  litai: 'LTL',
  kroon: 'EEK',
  krooni: 'EEK',
  tolar: 'SIT',
  tolars: 'SIT',
  'slovak koruna': 'SKK',
};

/** Words that may sit between unit words without meaning anything themselves. */
const CONNECTORS = new Set([
  'in', 'en', 'of', 'de', 'd', 'des', 'du', 'the', 'at', 'aux', 'a', 'current', 'prices', 'prix', 'courants', 'nominal',
  'national', 'nationale', 'currency', 'monnaie', 'constant', 'and', 'et', 'amounts', 'montants', 'expressed', 'exprimes',
  'all', 'figures', 'tous', 'les', 'chiffres',
]);

/** Lower case, accents gone, currency symbols and % kept as their own tokens. */
const unitTokens = (text: string): { lower: string; original: string }[] =>
  (text.normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+|[€£%]/gu) ?? []).flatMap((original) => {
    const lower = original.toLowerCase();
    // "MEUR", "kEUR", "bnEUR", "MDKK": a scale glued to a currency code.
    const glued = /^(k|m|mn|bn|md|mrd)([a-z]{3})$/i.exec(original);
    if (glued?.[1] && glued[2] && CURRENCY_CODES.has(glued[2].toUpperCase()) && !CURRENCY_NAMES[lower])
      return [
        { lower: glued[1].toLowerCase(), original: glued[1] },
        { lower: glued[2].toLowerCase(), original: glued[2].toUpperCase() },
      ];
    return [{ lower, original }];
  });

const PERCENT_OF_GDP = /(%|\bper ?cent\b|\bpercent(age)?\b|\bpourcentage\b|\bshare\b|\bpart\b|\bratio\b)[^%]*?\b(gdp|pib)\b/i;

const isPercentOfGdp = (text: string): boolean => PERCENT_OF_GDP.test(text.normalize('NFKD').replace(/\p{M}/gu, ''));

/**
 * Read a unit phrase. `strict` is for text known to be a unit (a header's brackets, the
 * body of "Units: …"); running text (titles) only trusts unambiguous words.
 */
const parseUnitText = (text: string, strict: boolean): UnitSpec => {
  const tokens = unitTokens(text);
  const spec: UnitSpec = { scale: null, currency: null, percentOfGdp: isPercentOfGdp(text), unknown: [] };
  const hasScaleWord = tokens.some((t) => SCALE_WORDS[t.lower] !== undefined && !SHORT_SCALE_WORDS.has(t.lower));
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (!t) continue;
    const pair = tokens[i + 1] ? `${t.lower} ${tokens[i + 1]?.lower}` : null;
    if (pair && CURRENCY_NAMES[pair]) {
      spec.currency ??= CURRENCY_NAMES[pair] ?? null;
      i += 1;
      continue;
    }
    const isCode = CURRENCY_CODES.has(t.original) && (!WORDLIKE_CODES.has(t.original) || hasScaleWord || strict);
    if (isCode || (t.lower !== 'eur' && CURRENCY_NAMES[t.lower]) || (t.lower === 'eur' && (strict || t.original === 'EUR'))) {
      spec.currency ??= isCode ? t.original : (CURRENCY_NAMES[t.lower] ?? null);
      continue;
    }
    const scale = SCALE_WORDS[t.lower];
    if (scale !== undefined) {
      const nearCurrency = [tokens[i - 1], tokens[i + 1]].some(
        (n) => n !== undefined && (CURRENCY_CODES.has(n.original) || CURRENCY_NAMES[n.lower] !== undefined),
      );
      if (strict || !SHORT_SCALE_WORDS.has(t.lower) || nearCurrency) {
        spec.scale ??= scale;
        continue;
      }
    }
    if (strict && !CONNECTORS.has(t.lower) && t.lower !== '%' && t.lower !== 'gdp' && t.lower !== 'pib' && !/^\d+$/.test(t.lower))
      spec.unknown.push(t.original);
  }
  return spec;
};

/** True when the phrase says anything about units at all. */
const saysUnit = (u: UnitSpec): boolean => u.scale !== null || u.currency !== null || u.percentOfGdp;

/** `value` in the given scale, in millions; division keeps "1234.5 thousand" exactly 1.2345. */
const toMillions = (value: number, scale: Scale): number => (scale >= 0 ? value * 10 ** scale : value / 10 ** -scale);

export { SCALE_WORDS, CURRENCY_NAMES, CURRENCY_CODES, parseUnitText, isPercentOfGdp, saysUnit, toMillions, unitTokens };
export type { Scale, UnitSpec };
