// Notes for readers of a release: how to read the figures. They depend only on the data, the
// rules and the FX source (never on the release number), so they belong inside the digest.
import * as z from 'zod';
import type { AllyResult, Rules } from '../model/index.ts';

const NoteSchema = z.strictObject({
  /** Stable machine code (kebab-case), e.g. `illustrative`, `fx-source`. */
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  text: z.string().min(1),
});

type Note = z.infer<typeof NoteSchema>;

type NotesAlly = Pick<AllyResult, 'iso3' | 'name' | 'years'> & { noArmedForces?: boolean; note?: string };

const illustrativeNote = (allies: readonly NotesAlly[]): Note | null => {
  const listed = allies
    .map((a) => ({ a, years: a.years.filter((y) => y.illustrative).map((y) => y.year) }))
    .filter(({ years }) => years.length > 0)
    .map(({ a, years }) => `${a.name} (${a.iso3}) ${years.join(', ')}`);
  if (listed.length === 0) return null;
  return {
    code: 'illustrative',
    text: `Figures marked illustrative are not official submissions and must not be cited as an ally's figures: ${listed.join('; ')}.`,
  };
};

const buildNotes = ({ allies, rules, fxSource }: { allies: readonly NotesAlly[]; rules: Rules; fxSource: string }): Note[] => {
  const notes: (Note | null)[] = [
    illustrativeNote(allies),
    {
      code: 'current-prices',
      text: "Ratios are computed on the amounts as submitted, at current prices. NATO's own tables compute some shares at constant prices, so for a few allies they differ slightly from these.",
    },
    {
      code: 'units',
      text: "Amounts are in millions of the ally's national currency of today (legacy euro currencies converted at their irrevocable rates); the usd block gives the same amounts in millions of US dollars.",
    },
    {
      code: 'fx-source',
      text: `USD amounts use each year's average exchange rate; a year before an ally's euro changeover uses its legacy currency's own dollar rate (euro amount × irrevocable rate ÷ legacy units per USD), as NATO does. A year without a published rate uses the latest earlier one, flagged carriedForward with its rateYear. Source: ${fxSource}`,
    },
    {
      code: 'aggregates',
      text: `Alliance and Europe-and-Canada figures are sums over allies (ratios as sum over sum), computed at current exchange rates (each year its own) and at constant exchange rates (every year at the rates of the latest year with a rate for every ally), each with the allies it covers and those left out, with why. Reports show current rates where they cover every ally expected that year (members with armed forces), else constant rates. A sum covering less than ${rules.aggregates.minCoveragePct}% of the allies expected is shown with its coverage and never called the alliance's.`,
    },
    {
      code: 'precision',
      text: 'Percentages are given at full precision and compared at full precision; reports round them to two decimals for display only.',
    },
    {
      code: 'security-cap',
      text: `At most ${rules.tracks.security.cap}% of GDP of security-related spending (eligible categories only) counts towards the combined ${rules.tracks.combined.target}% target, and core spending above ${rules.tracks.core.target}% counts towards it too. The security-related track is a ceiling, not a target of its own: each year it is judged on what the combined target needs from it (${rules.tracks.combined.target}% minus core, at most ${rules.tracks.security.cap}%, at least 0), and its path runs to that need in the target year.`,
    },
    ...(rules.reviewYear === undefined
      ? []
      : [
          {
            code: 'checkpoint',
            text: `The trajectory and balance of spending are to be reviewed in ${rules.reviewYear}: each ally's checkpoint gives its standing that year against its path on each track.`,
          },
        ]),
    {
      code: 'plans-outturn',
      text: "Plans against outturn: each year lists what every earlier accepted submission (uploaded before the one its figures come from) planned or estimated for it, with reported minus planned in percentage points (negative: less than planned). A figure was made k years ahead when its year minus the calendar year of its upload is k. The delivery summary averages, for plans made 1 and 2 years ahead, the difference for each year whose latest figure is an actual or an estimate, taking the last plan uploaded in each year.",
    },
    {
      code: 'money-gap',
      text: `The money gap sums (path − ratio) × GDP / 100 over ${rules.baselineYear}–${rules.targetYear}, for the ally's plan (its figures, its last ratio held flat where they stop) and for its latest actual ratio held flat after its latest actual year; the shortfall counts only years below the path, the net sum lets years above it offset them. GDP is as submitted; beyond the last GDP given it grows at the ally's latest submitted growth (its last two consecutive years with GDP), or stays flat without them. Millions of national currency, and of USD at constant exchange rates (the rates of alliance.constantRateYear), so allies can be summed.`,
    },
    {
      code: 'citation',
      text: 'Cite a release by its number, date and digest. Files under releases/<n>/ never change; latest/ always holds the newest release.',
    },
    ...allies
      .filter((a) => a.noArmedForces || a.note)
      .map((a) => ({
        code: `ally-${a.iso3.toLowerCase()}`,
        text: a.note ?? `${a.name} has no armed forces and reports no defence expenditure.`,
      })),
  ];
  return notes.filter((n): n is Note => n !== null);
};

export { NoteSchema, buildNotes };
export type { Note };
