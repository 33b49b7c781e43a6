// Figure statuses: the closed vocabulary, the words officers write for each (English and
// French, looked up on a normalised form), and the words of the template's drop-down.
import type { Lang } from '../text/index.ts';
import { normaliseLabel } from '../text/index.ts';

const FigureStatus = {
  actual: 'actual',
  estimate: 'estimate',
  plan: 'plan',
} as const;
type FigureStatus = (typeof FigureStatus)[keyof typeof FigureStatus];

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
} as const satisfies Record<Lang, Record<FigureStatus, string>>;

export { FigureStatus, STATUS_WORDS, STATUS_CHOICES, statusOf };
