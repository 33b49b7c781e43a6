// Numbers as findings quote them: amounts in millions and percentages, written the way a reader
// of each language writes them.
import type { Lang } from './lang.ts';

const FRENCH = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });

/**
 * Millions as a submitter would write them: at most three decimals, no exponent. English keeps
 * the plain form finance offices paste back ("1234.5"); French groups digits and writes a
 * decimal comma ("1 234,5").
 */
const formatAmount = (n: number, lang: Lang = 'en'): string => (lang === 'en' ? String(Number(n.toFixed(3))) : FRENCH.format(n));

/** A percentage with its sign mark: "25%" in English, "25 %" in French. */
const formatPercent = (n: number, lang: Lang = 'en'): string => (lang === 'en' ? `${formatAmount(n)}%` : `${formatAmount(n, 'fr')}\u00a0%`);

export { formatAmount, formatPercent };
