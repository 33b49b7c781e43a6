// Which ally a workbook is about, from a "Country: Türkiye" / "Pays : Turquie" cell, a title
// like "Bulgaria – defence expenditure", or the sheet name. Names go through the reference
// data's findAlly, so every alias it knows works here too.
import { findAlly } from '../../reference/index.ts';
import { normaliseLabel } from '../../text/index.ts';

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

/** The ally a cell's whole text names (ISO3, ISO2, English, French or former name). */
const allyNamed = (text: string): string | null => (text.trim() === '' ? null : (findAlly(text.trim())?.iso3 ?? null));

/**
 * The ally named somewhere inside running text. Short words must be an ISO3 code in capitals,
 * so "IT" or "can" in a title never pick Italy or Canada.
 */
const allyInText = (text: string): string | null => {
  const words = text.split(/[\s,;:()[\]/–—-]+/u).filter((w) => w !== '');
  for (let n = Math.min(6, words.length); n >= 1; n -= 1) {
    for (let i = 0; i + n <= words.length; i += 1) {
      const phrase = words.slice(i, i + n).join(' ');
      if (n === 1 && phrase.length <= 3 && !/^[A-Z]{3}$/.test(phrase)) continue;
      const ally = findAlly(phrase);
      if (ally && (n > 1 || phrase.length > 3 || phrase === ally.iso3)) return ally.iso3;
    }
  }
  return null;
};

export { labelledValue, isAllyLabel, allyNamed, allyInText };
