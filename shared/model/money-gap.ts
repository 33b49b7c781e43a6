// The money gap to the target year, as published: per ally, the cumulative amount between its
// plan and its path over the commitment's years (baseline to target year), and what holding its
// latest actual ratio flat would leave; summed in USD at constant exchange rates for the
// alliance and for Europe and Canada, with their coverage.
//
// Assumptions, stated in the data: GDP as submitted for every year the ally gave one; beyond,
// its last GDP grown at its latest submitted growth (the last two consecutive years with GDP),
// or held flat when it gave no two consecutive years. Where the plan stops, its last ratio is
// held flat. Amounts in millions of national currency; USD at the constant basis' rates.
import * as z from 'zod';
import { CoverageSchema, LeftOutSchema } from './coverage.ts';
import { CurrencySchema, Iso3Schema, YearSchema } from './record.ts';
import { GdpFrom, RatioFrom, valuesOf } from './vocab.ts';

const MaybeNumber = z.number().finite().nullable();

/** One scenario's cumulative gap, national currency and USD. */
const GapSumSchema = z.strictObject({
  /** Σ max(0, path − ratio)·GDP/100 over the years: what is missing in the years below the path (millions of national currency). */
  shortfallNational: MaybeNumber,
  shortfallUsd: MaybeNumber,
  /** Σ (path − ratio)·GDP/100: years above the path offset years below it; negative when the ally is above its path in all. */
  netNational: MaybeNumber,
  netUsd: MaybeNumber,
  /** Why the sums are null. */
  reason: z.string().optional(),
});

const GapYearTrackSchema = z.strictObject({
  /** The track's path that year, % of GDP. */
  pathPct: MaybeNumber,
  /** The ratio of the ally's plan that year (its figures, or its last ratio held), % of GDP. */
  planPct: MaybeNumber,
  planFrom: z.enum(valuesOf(RatioFrom)).nullable(),
  /** (path − plan)·GDP/100, millions of national currency, signed (negative: above the path). */
  planGapNational: MaybeNumber,
  /** (path − latest actual ratio)·GDP/100, signed. */
  latestActualGapNational: MaybeNumber,
});

const GapYearSchema = z.strictObject({
  year: YearSchema,
  /** GDP, millions of national currency. */
  gdp: MaybeNumber,
  gdpFrom: z.enum(valuesOf(GdpFrom)).nullable(),
  core: GapYearTrackSchema,
  combined: GapYearTrackSchema,
});

const TrackGapSchema = z.strictObject({
  /** Between the ally's plan and its path. */
  plan: GapSumSchema,
  /** Between its latest actual ratio, held flat, and its path: what it would take from today's effort alone. */
  latestActual: GapSumSchema,
});

const AllyMoneyGapSchema = z.strictObject({
  fromYear: YearSchema,
  toYear: YearSchema,
  currency: CurrencySchema,
  /** The USD amounts' rates: the constant basis (alliance.constantRateYear). */
  usd: z.strictObject({
    rateYear: YearSchema.nullable(),
    /** Units of national currency per USD; null when unknown, with why. */
    rate: MaybeNumber,
    basisLabel: z.string().min(1),
    reason: z.string().optional(),
  }),
  /** The growth that carries GDP beyond the ally's last GDP: from its last two consecutive years with one. */
  gdpGrowth: z.strictObject({
    /** % a year; 0 when no two consecutive years have GDP (GDP held flat). */
    pct: MaybeNumber,
    years: z.tuple([YearSchema, YearSchema]).nullable(),
    reason: z.string().optional(),
  }),
  /** The ally's latest actual figures (status actual): the ratios held flat in the latestActual scenario. */
  latestActual: z.strictObject({ year: YearSchema, corePct: MaybeNumber, combinedPct: MaybeNumber }).nullable(),
  years: z.array(GapYearSchema),
  core: TrackGapSchema,
  combined: TrackGapSchema,
});

/** One scenario summed over allies in USD, with the allies it covers. */
const GroupGapSumSchema = z.strictObject({
  /** Allies in the sums: those whose sums on this scenario and track are known. */
  allies: z.array(Iso3Schema),
  leftOut: z.array(LeftOutSchema),
  coverage: CoverageSchema,
  shortfallUsd: MaybeNumber,
  netUsd: MaybeNumber,
});

const GroupTrackGapSchema = z.strictObject({
  plan: GroupGapSumSchema,
  latestActual: GroupGapSumSchema,
});

const GroupMoneyGapSchema = z.strictObject({
  /** The group's members by the target year with armed forces. */
  expected: z.array(Iso3Schema),
  core: GroupTrackGapSchema,
  combined: GroupTrackGapSchema,
});

const AllianceMoneyGapSchema = z.strictObject({
  fromYear: YearSchema,
  toYear: YearSchema,
  /** Always the constant basis: every year at the rates of rateYear. */
  basis: z.literal('constant'),
  rateYear: YearSchema.nullable(),
  basisLabel: z.string().min(1),
  all: GroupMoneyGapSchema,
  europeCanada: GroupMoneyGapSchema,
});

type GapSum = z.infer<typeof GapSumSchema>;
type GapYear = z.infer<typeof GapYearSchema>;
type AllyMoneyGap = z.infer<typeof AllyMoneyGapSchema>;
type GroupMoneyGap = z.infer<typeof GroupMoneyGapSchema>;
type GroupTrackGap = z.infer<typeof GroupTrackGapSchema>;
type GroupGapSum = z.infer<typeof GroupGapSumSchema>;
type AllianceMoneyGap = z.infer<typeof AllianceMoneyGapSchema>;

export { GapSumSchema, GapYearSchema, AllyMoneyGapSchema, GroupMoneyGapSchema, GroupTrackGapSchema, GroupGapSumSchema, AllianceMoneyGapSchema };
export type { GapSum, GapYear, AllyMoneyGap, GroupMoneyGap, GroupTrackGap, GroupGapSum, AllianceMoneyGap };
