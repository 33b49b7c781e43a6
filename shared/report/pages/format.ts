// Numbers and dates on the public pages, written each language's way: English "3.50%" and
// "1,234", French "3,50 %" and "1 234" (decimal comma; a narrow no-break space groups digits
// and stands before the per cent sign, so neither ever breaks across lines). The figures come
// from the dataset unchanged: these only choose how many decimals to show.
import type { Lang } from '../../text/index.ts';
import { PCT_DECIMALS } from '../presentation.ts';

/** U+202F NARROW NO-BREAK SPACE: French digit groups and the space before %. */
const NNBSP = '\u202f';

const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', fr: 'fr-FR' };

const fixed = (lang: Lang, digits: number, grouping: boolean) =>
  new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping });

const PCT: Readonly<Record<Lang, Intl.NumberFormat>> = { en: fixed('en', PCT_DECIMALS, false), fr: fixed('fr', PCT_DECIMALS, false) };
const WHOLE: Readonly<Record<Lang, Intl.NumberFormat>> = { en: fixed('en', 0, true), fr: fixed('fr', 0, true) };
const DASH = '–';

// ICU writes French groups with U+202F already; saying so here keeps the pages right on an ICU
// that still uses U+00A0.
const frenchSpaces = (text: string) => text.replace(/[\u00a0 ]/g, NNBSP);
const localise = (lang: Lang, text: string) => (lang === 'fr' ? frenchSpaces(text) : text);
// A negative number is written with the minus sign (U+2212), as typesetters do, in both languages.
const minus = (text: string) => text.replace(/^-/, '\u2212');

/** A ratio with two decimals, no sign mark: "3.50" / "3,50"; "–" when unknown. */
const pctNumber = (lang: Lang, pct: number | null | undefined): string =>
  pct === null || pct === undefined ? DASH : minus(localise(lang, PCT[lang].format(pct)));

/** A ratio with its per cent sign: "3.50%" / "3,50 %". */
const pctText = (lang: Lang, pct: number | null | undefined): string =>
  pct === null || pct === undefined ? DASH : `${pctNumber(lang, pct)}${lang === 'fr' ? NNBSP : ''}%`;

/** Percentage points with their sign: "+0.25" / "−0,25"; "–" when unknown. */
const signedPoints = (lang: Lang, points: number | null | undefined): string =>
  points === null || points === undefined ? DASH : `${points > 0 ? '+' : ''}${pctNumber(lang, points)}`;

/** An amount in millions, whole, with digit groups: "1,234,567" / "1 234 567"; "–" when unknown. */
const amountText = (lang: Lang, n: number | null | undefined): string =>
  n === null || n === undefined ? DASH : minus(localise(lang, WHOLE[lang].format(n)));

/** A rule's threshold as the rules give it ("3.5", "3,5"), without trailing zeros. */
const thresholdText = (lang: Lang, pct: number): string =>
  `${localise(lang, new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 4, useGrouping: false }).format(pct))}${lang === 'fr' ? NNBSP : ''}%`;

/** A time as "2026-03-01 10:00 UTC" (ISO order reads the same in both languages). */
const whenText = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export { NNBSP, DASH, pctNumber, pctText, signedPoints, amountText, thresholdText, whenText };
