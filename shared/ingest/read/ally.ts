// Which ally a workbook is about, from a "Country: Türkiye" / "Pays : Turquie" cell, a title
// like "Bulgaria – defence expenditure", or the sheet name. Names go through the reference
// data's findAlly, so every alias it knows works here too.
import { findAlly } from '../../reference/index.ts';
import { normaliseLabel } from '../../text/index.ts';
import { foldConfusables } from './confusables.ts';
import type { Swap } from './confusables.ts';

/** Labels that introduce the ally in a cell ("Ally: …") or the cell to their right. */
const ALLY_LABELS = new Set([
  'ally',
  'allie',
  'country',
  'pays',
  'nation',
  'member',
  'member state',
  'membre',
  'etat membre',
  'submitting nation',
  'nation declarante',
  'iso3',
  'iso',
  'country code',
  'code pays',
]);

/** "Country: Türkiye" → "Türkiye" when the text before the colon is an ally label. */
const labelledValue = (text: string): string | null => {
  const m = /^([^:]{1,30}):\s*(.*)$/u.exec(text.trim());
  if (!m?.[1] || !ALLY_LABELS.has(normaliseLabel(m[1]))) return null;
  return m[2]?.trim() ?? '';
};

const isAllyLabel = (text: string): boolean => ALLY_LABELS.has(normaliseLabel(text.replace(/:\s*$/, '')));

/**
 * An ally found in a cell's text. `swaps` lists the letters of another script that had to be
 * read as Latin ones for the name to match (empty when it matched as written); `text` is the
 * name as written.
 */
interface AllyMatch {
  iso3: string;
  text: string;
  swaps: Swap[];
}

/** The swaps that fall inside text[start, end), their positions made relative to the name. */
const swapsWithin = (swaps: readonly Swap[], start: number, end: number): Swap[] =>
  swaps.filter((s) => s.position > start && s.position <= end).map((s) => ({ ...s, position: s.position - start }));

/** The ally a cell's whole text names (ISO3, ISO2, English, French or former name), as written or once confusable letters are folded. */
const allyMatchNamed = (text: string): AllyMatch | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const direct = findAlly(trimmed);
  if (direct) return { iso3: direct.iso3, text: trimmed, swaps: [] };
  const folded = foldConfusables(trimmed);
  const ally = folded.swaps.length > 0 ? findAlly(folded.text) : null;
  return ally ? { iso3: ally.iso3, text: trimmed, swaps: folded.swaps } : null;
};

/** Words of running text with where each starts and ends. */
const wordsOf = (text: string): { word: string; start: number; end: number }[] =>
  [...text.matchAll(/[^\s,;:()[\]/–—-]+/gu)].map((m) => ({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));

/**
 * The ally named somewhere inside running text. Short words must be an ISO3 code in capitals,
 * so "IT" or "can" in a title never pick Italy or Canada.
 */
const phraseAlly = (text: string): { iso3: string; start: number; end: number } | null => {
  const words = wordsOf(text);
  for (let n = Math.min(6, words.length); n >= 1; n -= 1) {
    for (let i = 0; i + n <= words.length; i += 1) {
      const first = words[i];
      const last = words[i + n - 1];
      if (!first || !last) continue;
      const phrase = words
        .slice(i, i + n)
        .map((w) => w.word)
        .join(' ');
      if (n === 1 && phrase.length <= 3 && !/^[A-Z]{3}$/.test(phrase)) continue;
      const ally = findAlly(phrase);
      if (ally && (n > 1 || phrase.length > 3 || phrase === ally.iso3)) return { iso3: ally.iso3, start: first.start, end: last.end };
    }
  }
  return null;
};

/** The ally named inside running text, as written or once confusable letters are folded. */
const allyMatchInText = (text: string): AllyMatch | null => {
  const direct = phraseAlly(text);
  if (direct) return { iso3: direct.iso3, text: text.slice(direct.start, direct.end), swaps: [] };
  const folded = foldConfusables(text);
  if (folded.swaps.length === 0) return null;
  const found = phraseAlly(folded.text);
  if (!found) return null;
  const swaps = swapsWithin(folded.swaps, found.start, found.end);
  return swaps.length > 0 ? { iso3: found.iso3, text: text.slice(found.start, found.end), swaps } : null;
};

const allyNamed = (text: string): string | null => allyMatchNamed(text)?.iso3 ?? null;
const allyInText = (text: string): string | null => allyMatchInText(text)?.iso3 ?? null;

export { labelledValue, isAllyLabel, allyNamed, allyInText, allyMatchNamed, allyMatchInText };
export type { AllyMatch };
