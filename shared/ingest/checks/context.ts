// What every record-level check receives besides the drafts, and the shape of a check.
import type { Finding, Rules } from '../../model/index.ts';
import { allyByIso3, currencyInYear, currentCurrency } from '../../reference/index.ts';
import type { Lang } from '../../text/index.ts';
import type { DraftRecord } from '../draft.ts';

/** The slice of the reference data the checks use; injectable so tests can pin it. */
interface CheckReference {
  /** The ally's name in a language (English by default), or null for a code that is no ally's. */
  allyName: (iso3: string, lang?: Lang) => string | null;
  /** The currency the ally used in that year; null before its recorded history. */
  currencyInYear: (iso3: string, year: number) => string | null;
  currentCurrency: (iso3: string) => string | null;
}

interface CheckContext {
  /** The ally the upload is filed under (from its key or --ally), or null when none was given. */
  expectedAlly: string | null;
  rules: Rules;
  /** When the upload was made (the facade passes its upload time); its UTC year decides what is past, current and future. */
  now: Date;
  reference: CheckReference;
}

type Check = (drafts: readonly DraftRecord[], context: CheckContext) => Finding[];

const SHIPPED_REFERENCE: CheckReference = {
  allyName: (iso3, lang = 'en') => {
    const ally = allyByIso3(iso3);
    return ally ? (lang === 'fr' ? ally.nameFr : ally.nameEn) : null;
  },
  currencyInYear,
  currentCurrency,
};

/** The year of the upload, in UTC so the answer does not depend on the server's zone. */
const uploadYear = (context: CheckContext): number => context.now.getUTCFullYear();

/** The ally the figures are taken to be for: the filed-under one, else the first the workbook names. */
const effectiveAlly = (drafts: readonly DraftRecord[], context: CheckContext): string | null =>
  context.expectedAlly ?? drafts.find((d) => d.ally !== null)?.ally ?? null;

export { SHIPPED_REFERENCE, uploadYear, effectiveAlly };
export type { Check, CheckContext, CheckReference };
