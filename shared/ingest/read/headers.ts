// One header cell → the field it names, whether it holds shares of GDP, and any unit it
// declares: "GDP (EUR bn)", "Defence expenditure in EUR million", "Dépenses de défense en % du
// PIB", "Total" under a "Security-related" banner.
import { fieldForLabel, groupOf, isAmountPath, withoutOfWhich } from '../../submission/index.ts';
import type { FieldGroup, FieldPath } from '../../submission/index.ts';
import { normaliseLabel } from '../../text/index.ts';
import { CURRENCY_CODES, CURRENCY_NAMES, SCALE_WORDS, isPercentOfGdp, parseUnitText, saysUnit } from './units.ts';
import type { UnitSpec } from './units.ts';

/** The block of a table a header sits in: under a core or a security-related banner. */
type Section = FieldGroup;

interface HeaderMeaning {
  field: FieldPath;
  /** The column (or row) holds % of GDP rather than amounts. */
  percent: boolean;
  /** A unit the header itself declares; null when it declares none. */
  unit: UnitSpec | null;
  /** Text of a unit the header declares but the reader does not know. */
  unknownUnit: string | null;
}

const PERCENT_PHRASE =
  /\(?\s*(?:as\s+|in\s+|en\s+)?(?:an?\s+)?(?:%|per ?cent|percentage|pourcentage|share|part|ratio)\s*(?:of\s+the|of|du|de|d['’])?\s*(?:gdp|pib)\s*\)?/giu;

/** Words that can wrap a field's name as a unit: "in", "EUR", "million", "d'euros". */
const isUnitWord = (w: string): boolean =>
  SCALE_WORDS[w] !== undefined ||
  CURRENCY_NAMES[w] !== undefined ||
  CURRENCY_CODES.has(w.toUpperCase()) ||
  ['in', 'en', 'of', 'de', 'd', 'des', 'du', 'current', 'prices', 'prix', 'courants', 'at', 'aux', 'nominal', 'national', 'currency', 'nc', 'mnc'].includes(w);

/** Strip unit words from both ends of a normalised label. */
const trimUnitWords = (label: string): { core: string; stripped: string } => {
  const words = label.split(' ').filter((w) => w !== '');
  const stripped: string[] = [];
  while (words.length > 1 && isUnitWord(words.at(-1) ?? '')) stripped.unshift(words.pop() ?? '');
  while (words.length > 1 && isUnitWord(words[0] ?? '') && !['de', 'd', 'du', 'des'].includes(words[0] ?? '')) stripped.push(words.shift() ?? '');
  return { core: words.join(' '), stripped: stripped.join(' ') };
};

const unitFrom = (parts: string[]): { unit: UnitSpec | null; unknownUnit: string | null } => {
  let unit: UnitSpec | null = null;
  let unknownUnit: string | null = null;
  for (const part of parts) {
    const u = parseUnitText(part, true);
    if (!saysUnit(u)) continue;
    if (u.unknown.length > 0 && (u.scale !== null || u.currency !== null)) unknownUnit ??= part.trim();
    unit ??= u;
  }
  return { unit, unknownUnit };
};

/** Sheets repeat the same few texts thousands of times; parsing each once keeps big sheets fast. */
const MEMO_LIMIT = 20_000;
const memo = new Map<string, HeaderMeaning | null>();

/** What a header cell means, or null when it names no field. */
const parseHeader = (text: string, section: Section | null): HeaderMeaning | null => {
  const key = `${section ?? ''}\u0000${text}`;
  const known = memo.get(key);
  if (known !== undefined) return known && { ...known };
  const meaning = parseHeaderUncached(text, section);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, meaning);
  return meaning && { ...meaning };
};

const parseHeaderUncached = (text: string, section: Section | null): HeaderMeaning | null => {
  const raw = text.trim();
  if (raw === '' || /^\d+([.,]\d+)?$/.test(raw)) return null;
  // "of which personnel", "dont équipements majeurs": a part of the breakdown above it.
  const part = withoutOfWhich(raw);
  if (part !== null) {
    const meaning = parseHeaderUncached(part, section);
    return meaning && isAmountPath(meaning.field) && meaning.field !== 'gdp' ? meaning : null;
  }
  const percent = isPercentOfGdp(raw);
  const withoutPercent = percent ? raw.replace(PERCENT_PHRASE, ' ') : raw;
  const whole = fieldForLabel(withoutPercent, section);
  if (whole) return { field: whole, percent, unit: null, unknownUnit: null };

  const brackets = [...withoutPercent.matchAll(/[([]([^)\]]*)[)\]]/gu)].map((m) => m[1] ?? '');
  const outside = withoutPercent.replace(/[([][^)\]]*[)\]]/gu, ' ');
  // "GDP, EUR bn" / "GDP – EUR m" / "GDP: EUR million": the part after the mark is a unit.
  const [head = '', ...tail] = outside.split(/\s*[,;:–—|]\s*|\s+-\s+/u);
  const base = fieldForLabel(head, section);
  if (base) return { field: base, percent, ...unitFrom([...brackets, ...tail]) };

  const { core, stripped } = trimUnitWords(normaliseLabel(head));
  const trimmed = core !== '' ? fieldForLabel(core, section) : null;
  if (trimmed) return { field: trimmed, percent, ...unitFrom([...brackets, ...tail, stripped]) };
  return null;
};

/** The block a banner header opens ("Core defence expenditure" → core), if any. */
const sectionOf = (text: string): Section | null => {
  const h = parseHeader(text, null);
  if (!h) {
    const n = normaliseLabel(text);
    if (/\b(core|base)\b/.test(n)) return 'core';
    if (/\b(security|securite)\b/.test(n)) return 'security';
    return null;
  }
  return groupOf(h.field);
};

export { parseHeader, sectionOf, trimUnitWords };
export type { HeaderMeaning, Section };
