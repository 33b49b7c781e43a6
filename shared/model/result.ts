// What the compliance engine computes: per ally and year, and for the alliance per year.
// Every number is finite or null; a null always comes with a status or reason that says why.
import { z } from 'zod';
import { CoreSchema, CurrencySchema, Iso3Schema, SecuritySchema, YearSchema } from './record.ts';
import { FigureStatus, TrackStatus, valuesOf } from './vocab.ts';

const MaybeNumber = z.number().finite().nullable();

const TrackResultSchema = z.strictObject({
  status: z.enum(valuesOf(TrackStatus)),
  /** Target in % of GDP that applies to this ally. */
  target: z.number().finite(),
  /** The trajectory value for this year (% of GDP), null before the baseline or without one. */
  path: MaybeNumber,
  /** Amount still needed this year to reach the target, millions of national currency (0 when met). */
  gapNational: MaybeNumber,
  /** The same gap in millions of USD; null when no exchange rate is known for the year. */
  gapUsd: MaybeNumber,
  /** Why the status is no_data, or why path/gaps are null. */
  reason: z.string().optional(),
  /** The ratio judged on this track (% of GDP): corePct, securityCountedPct or combinedPct. */
  pct: MaybeNumber.optional(),
});

const UsdAmountsSchema = z.strictObject({
  /** National currency units per USD used for this year, null when unknown. */
  rate: MaybeNumber,
  gdp: MaybeNumber,
  core: MaybeNumber,
  security: MaybeNumber,
  equipment: MaybeNumber,
});

const AllyYearResultSchema = z.strictObject({
  year: YearSchema,
  status: z.enum(valuesOf(FigureStatus)),
  gdp: MaybeNumber,
  core: CoreSchema,
  security: SecuritySchema,
  /** Security-related spending in the eligible categories only (S in the rules). */
  securityEligible: MaybeNumber,
  usd: UsdAmountsSchema,
  corePct: MaybeNumber,
  securityPct: MaybeNumber,
  securityCountedPct: MaybeNumber,
  combinedPct: MaybeNumber,
  equipmentSharePct: MaybeNumber,
  tracks: z.strictObject({ core: TrackResultSchema, security: TrackResultSchema, combined: TrackResultSchema }),
  legacy: z.strictObject({ twoPercent: z.boolean().nullable(), equipment20: z.boolean().nullable() }),
  illustrative: z.boolean(),
  notes: z.string().optional(),
  source: z.strictObject({ submissionId: z.string(), file: z.string(), uploadedAt: z.string() }),
  /** Why some figure of this year is null or rests on a partial breakdown. */
  reasons: z.array(z.string()).optional(),
});

const PlanCredibilitySchema = z.strictObject({
  /** null when the ally has no plan years to judge. */
  credible: z.boolean().nullable(),
  planYears: z.array(YearSchema),
  reasons: z.array(z.string()),
});

const AllyResultSchema = z.strictObject({
  iso3: Iso3Schema,
  name: z.string(),
  currency: CurrencySchema,
  /** True for an ally without armed forces (Iceland): its core and combined tracks are not assessed. */
  noArmedForces: z.boolean().optional(),
  /** A remark on how the ally is treated (e.g. why some tracks are not assessed). */
  note: z.string().optional(),
  /** Baseline ratios per track (the baseline year's, or the latest earlier one), with the year used. */
  baseline: z.strictObject({
    core: z.strictObject({ year: YearSchema, pct: z.number().finite() }).nullable(),
    security: z.strictObject({ year: YearSchema, pct: z.number().finite() }).nullable(),
    combined: z.strictObject({ year: YearSchema, pct: z.number().finite() }).nullable(),
  }),
  plan: PlanCredibilitySchema,
  years: z.array(AllyYearResultSchema),
});

const StatusCountsSchema = z.record(z.enum(valuesOf(TrackStatus)), z.number().int().nonnegative());

const GroupAggregateSchema = z.strictObject({
  /** Allies whose figures entered the sums (ISO3). */
  allies: z.array(Iso3Schema),
  /** Allies left out of the sums for lack of a figure or an exchange rate. */
  missing: z.array(Iso3Schema),
  gdpUsd: MaybeNumber,
  coreUsd: MaybeNumber,
  securityUsd: MaybeNumber,
  securityCountedUsd: MaybeNumber,
  equipmentUsd: MaybeNumber,
  corePct: MaybeNumber,
  securityPct: MaybeNumber,
  combinedPct: MaybeNumber,
  equipmentSharePct: MaybeNumber,
  /** Which figures cover fewer allies than `allies` (e.g. security-related spending not reported by some). */
  reasons: z.array(z.string()).optional(),
});

const AllianceYearSchema = z.strictObject({
  year: YearSchema,
  all: GroupAggregateSchema,
  europeCanada: GroupAggregateSchema,
  counts: z.strictObject({
    core: StatusCountsSchema,
    security: StatusCountsSchema,
    combined: StatusCountsSchema,
    twoPercent: z.number().int().nonnegative(),
    equipment20: z.number().int().nonnegative(),
    reporting: z.number().int().nonnegative(),
  }),
});

const ComplianceResultSchema = z.strictObject({
  allies: z.array(AllyResultSchema),
  alliance: z.strictObject({ years: z.array(AllianceYearSchema) }),
});

type TrackResult = z.infer<typeof TrackResultSchema>;
type AllyYearResult = z.infer<typeof AllyYearResultSchema>;
type AllyResult = z.infer<typeof AllyResultSchema>;
type AllianceYear = z.infer<typeof AllianceYearSchema>;
type GroupAggregate = z.infer<typeof GroupAggregateSchema>;
type ComplianceResult = z.infer<typeof ComplianceResultSchema>;

export {
  TrackResultSchema,
  UsdAmountsSchema,
  AllyYearResultSchema,
  PlanCredibilitySchema,
  AllyResultSchema,
  GroupAggregateSchema,
  AllianceYearSchema,
  ComplianceResultSchema,
};
export type { TrackResult, AllyYearResult, AllyResult, AllianceYear, GroupAggregate, ComplianceResult };
