// What the compliance engine computes: per ally and year, and for the alliance per year.
// Every number is finite or null; a null always comes with a status or reason that says why.
import * as z from 'zod';
import { CoverageSchema, LeftOutSchema } from './coverage.ts';
import { DeliverySchema, EarlierFigureSchema } from './delivery.ts';
import { AllianceMoneyGapSchema, AllyMoneyGapSchema } from './money-gap.ts';
import { CoreSchema, CurrencySchema, Iso3Schema, SecuritySchema, YearSchema } from './record.ts';
import { AggregateBasis, FigureStatus, SecurityTargetFrom, TrackStatus, valuesOf } from './vocab.ts';

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

/** The security-related track also says what it gives towards the combined target and what it must give. */
const SecurityTrackResultSchema = TrackResultSchema.extend({
  /**
   * What the combined target needs from security-related spending this year (% of GDP):
   * min(cap, max(0, combined target − corePct)); the track is met when its contribution reaches
   * it. null when core is unknown. `target` is this need in the target year, the end of the path.
   */
  needPct: MaybeNumber,
  /** What the track contributes towards the combined target: securityCountedPct (% of GDP). */
  contributionPct: MaybeNumber,
});

const UsdAmountsSchema = z.strictObject({
  /** Units of the record's currency per USD applied to this year, null when no rate is known for it or any earlier year. */
  rate: MaybeNumber,
  /** The year of the exchange-rate table the rate comes from: this year, or an earlier one when carried forward. */
  rateYear: YearSchema.nullable(),
  /** True when this year has no rate and the latest earlier one stands in: the USD amounts are not at current rates. */
  carriedForward: z.boolean(),
  /**
   * Set for a year before the ally's euro changeover: the amounts (in euro) were converted at the
   * legacy currency's own dollar rate, as NATO does: USD = euro × eurRate ÷ perUsd.
   */
  legacy: z
    .strictObject({
      currency: CurrencySchema,
      /** Irrevocable rate, units of the legacy currency per EUR. */
      eurRate: z.number().finite().positive(),
      /** Units of the legacy currency per USD in rateYear. */
      perUsd: z.number().finite().positive(),
    })
    .optional(),
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
  tracks: z.strictObject({ core: TrackResultSchema, security: SecurityTrackResultSchema, combined: TrackResultSchema }),
  legacy: z.strictObject({ twoPercent: z.boolean().nullable(), equipment20: z.boolean().nullable() }),
  illustrative: z.boolean(),
  notes: z.string().optional(),
  source: z.strictObject({ submissionId: z.string(), file: z.string(), uploadedAt: z.string() }),
  /**
   * What each earlier accepted submission (uploaded before `source`) planned or estimated for
   * this year, in upload order; this year's corePct and combinedPct are what was reported.
   */
  earlierFigures: z.array(EarlierFigureSchema),
  /** Why some figure of this year is null or rests on a partial breakdown. */
  reasons: z.array(z.string()).optional(),
});

const CheckpointTrackSchema = z.strictObject({
  status: z.enum(valuesOf(TrackStatus)),
  /** The ratio judged on the track that year (% of GDP). */
  pct: MaybeNumber,
  /** The path for that year (% of GDP). */
  path: MaybeNumber,
  target: z.number().finite(),
  /** pct − path in percentage points: positive ahead of the path, negative behind it. */
  aheadOfPathPct: MaybeNumber,
  reason: z.string().optional(),
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
  /** The ally's name in French. */
  nameFr: z.string(),
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
  /**
   * What the security-related track must provide in the target year, the end of its path:
   * min(cap, max(0, combined target − core)), with the ally's own core ratio in the target year
   * (its plan), or the core target when it has none.
   */
  securityTarget: z.strictObject({
    year: YearSchema,
    pct: z.number().finite(),
    /** The core ratio it rests on; null when the ally has no core ratio for the target year. */
    corePct: MaybeNumber,
    /** Where the core ratio comes from: the ally's figures, the core target, or none (no armed forces: core counts 0). */
    from: z.enum(valuesOf(SecurityTargetFrom)),
  }),
  plan: PlanCredibilitySchema,
  /** Where the ally stands in the rules' review year against its path on each track; null when the rules name no review year. */
  checkpoint: z
    .strictObject({
      year: YearSchema,
      /** The status of the ally's figures for that year (actual, estimate, plan); null when it has none. */
      figures: z.enum(valuesOf(FigureStatus)).nullable(),
      illustrative: z.boolean(),
      tracks: z.strictObject({
        core: CheckpointTrackSchema,
        security: CheckpointTrackSchema.extend({ needPct: MaybeNumber }),
        combined: CheckpointTrackSchema,
      }),
    })
    .nullable(),
  /** How far plans made one and two years ahead missed the outturn (see years[].earlierFigures). */
  delivery: DeliverySchema,
  /** The money gap over the commitment's years; null for an ally without armed forces or without figures. */
  moneyGap: AllyMoneyGapSchema.nullable(),
  years: z.array(AllyYearResultSchema),
});

const StatusCountsSchema = z.record(z.enum(valuesOf(TrackStatus)), z.number().int().nonnegative());

const GroupAggregateSchema = z.strictObject({
  basis: z.enum(valuesOf(AggregateBasis)),
  /** constant: the year whose rates convert every year's amounts; current: null (each year its own rates). */
  rateYear: YearSchema.nullable(),
  /** The basis in words, for labels: "at current exchange rates", "at 2024 exchange rates". */
  basisLabel: z.string().min(1),
  /** Allies the sum should include: the group's members that year (accession year or earlier) with armed forces. */
  expected: z.array(Iso3Schema),
  /** Allies whose figures entered the sums (ISO3). */
  allies: z.array(Iso3Schema),
  /** Expected allies left out of the sums, each with why. */
  leftOut: z.array(LeftOutSchema),
  /** Allies with figures for a year before they joined: published per ally, not summed (as in NATO's totals). */
  notYetMembers: z.array(Iso3Schema),
  coverage: CoverageSchema,
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

/** One group's figures for a year on both bases, and the basis reports show. */
const GroupFiguresSchema = z.strictObject({
  /** Current when it covers every expected ally, else constant when that does, else whichever covers more. */
  presented: z.enum(valuesOf(AggregateBasis)),
  current: GroupAggregateSchema,
  constant: GroupAggregateSchema,
});

const AllianceYearSchema = z.strictObject({
  year: YearSchema,
  all: GroupFiguresSchema,
  europeCanada: GroupFiguresSchema,
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
  alliance: z.strictObject({
    /** The latest year of the rate table with a rate for every ally with figures: the constant basis. null when none has. */
    constantRateYear: YearSchema.nullable(),
    years: z.array(AllianceYearSchema),
    /** The money gap over the commitment's years, summed in USD at constant rates, with coverage. */
    moneyGap: AllianceMoneyGapSchema,
  }),
});

type TrackResult = z.infer<typeof TrackResultSchema>;
type SecurityTrackResult = z.infer<typeof SecurityTrackResultSchema>;
type CheckpointTrack = z.infer<typeof CheckpointTrackSchema>;
type AllyCheckpoint = NonNullable<z.infer<typeof AllyResultSchema>['checkpoint']>;
type GroupFigures = z.infer<typeof GroupFiguresSchema>;
type AllyYearResult = z.infer<typeof AllyYearResultSchema>;
type AllyResult = z.infer<typeof AllyResultSchema>;
type AllianceYear = z.infer<typeof AllianceYearSchema>;
type GroupAggregate = z.infer<typeof GroupAggregateSchema>;
type ComplianceResult = z.infer<typeof ComplianceResultSchema>;

export {
  TrackResultSchema,
  SecurityTrackResultSchema,
  CheckpointTrackSchema,
  GroupFiguresSchema,
  UsdAmountsSchema,
  AllyYearResultSchema,
  PlanCredibilitySchema,
  AllyResultSchema,
  GroupAggregateSchema,
  AllianceYearSchema,
  ComplianceResultSchema,
};
export type {
  TrackResult,
  SecurityTrackResult,
  CheckpointTrack,
  AllyCheckpoint,
  AllyYearResult,
  AllyResult,
  AllianceYear,
  GroupAggregate,
  GroupFigures,
  ComplianceResult,
};
