// Status words in English and French, and the "2024e" way of marking an estimate on a year.
import { FigureStatus } from '../../model/vocab.ts';
import { normaliseLabel } from '../fields.ts';

const STATUS_WORDS: Readonly<Record<string, FigureStatus>> = {
  actual: FigureStatus.actual,
  actuals: FigureStatus.actual,
  act: FigureStatus.actual,
  a: FigureStatus.actual,
  outturn: FigureStatus.actual,
  'out turn': FigureStatus.actual,
  final: FigureStatus.actual,
  realised: FigureStatus.actual,
  realized: FigureStatus.actual,
  executed: FigureStatus.actual,
  realise: FigureStatus.actual,
  realisee: FigureStatus.actual,
  realises: FigureStatus.actual,
  reel: FigureStatus.actual,
  execute: FigureStatus.actual,
  executee: FigureStatus.actual,
  execution: FigureStatus.actual,
  definitif: FigureStatus.actual,
  estimate: FigureStatus.estimate,
  estimates: FigureStatus.estimate,
  estimated: FigureStatus.estimate,
  est: FigureStatus.estimate,
  e: FigureStatus.estimate,
  provisional: FigureStatus.estimate,
  forecast: FigureStatus.estimate,
  preliminary: FigureStatus.estimate,
  estime: FigureStatus.estimate,
  estimee: FigureStatus.estimate,
  estimation: FigureStatus.estimate,
  prevision: FigureStatus.estimate,
  previsions: FigureStatus.estimate,
  provisoire: FigureStatus.estimate,
  plan: FigureStatus.plan,
  plans: FigureStatus.plan,
  planned: FigureStatus.plan,
  planning: FigureStatus.plan,
  p: FigureStatus.plan,
  budget: FigureStatus.plan,
  budgeted: FigureStatus.plan,
  projection: FigureStatus.plan,
  projected: FigureStatus.plan,
  programmation: FigureStatus.plan,
  programme: FigureStatus.plan,
  prevu: FigureStatus.plan,
  prevue: FigureStatus.plan,
  planifie: FigureStatus.plan,
  planifiee: FigureStatus.plan,
  'loi de programmation': FigureStatus.plan,
};

/** The status a word names, or null when it names none. */
const statusOf = (text: string): FigureStatus | null => STATUS_WORDS[normaliseLabel(text)] ?? null;

/** Template drop-down words, per language; each maps back through STATUS_WORDS. */
const STATUS_CHOICES = {
  en: { actual: 'actual', estimate: 'estimate', plan: 'plan' },
  fr: { actual: 'réalisé', estimate: 'estimé', plan: 'prévu' },
} as const satisfies Record<'en' | 'fr', Record<FigureStatus, string>>;

/**
 * Fiscal years that straddle two calendar years ("2024/25", "2024-2025", "FY2024-25") are
 * reported under the year they start in. NATO names a fiscal year after the calendar year that
 * holds most of its months, which is the starting year for the April-March years of Canada and
 * the United Kingdom; the United States writes its October-September years as "FY2024", read
 * as 2024.
 */
const FISCAL_YEAR = /^\s*(?:FY\s*)?(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\s*$/iu;

/** A year as written in a header or year cell: 2024, "2024", "2024e", "2024 (est.)", "2027 plan", "2024/25". */
const parseYearText = (text: string): { year: number; status: FigureStatus | null } | null => {
  const fiscal = FISCAL_YEAR.exec(text);
  if (fiscal?.[1] && fiscal[2]) {
    const start = Number(fiscal[1]);
    const end = fiscal[2].length === 2 ? Math.floor(start / 100) * 100 + Number(fiscal[2]) : Number(fiscal[2]);
    return end === start + 1 || (fiscal[2] === '00' && start % 100 === 99) ? { year: start, status: null } : null;
  }
  const m = /^\s*(?:FY\s*)?(\d{4})\s*(?:[*†]|\(?\s*([\p{L}.\s]{1,20}?)\s*\)?)?\s*$/u.exec(text);
  if (!m?.[1]) return null;
  const suffix = m[2]?.trim();
  if (!suffix) return { year: Number(m[1]), status: null };
  const status = statusOf(suffix);
  return status ? { year: Number(m[1]), status } : null;
};

export { STATUS_WORDS, STATUS_CHOICES, statusOf, parseYearText };
