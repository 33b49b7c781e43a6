// The rules a release is computed under. Every threshold and year lives here as data; the
// engine and the validators read them from a parsed Rules object, never from literals.
import { z } from 'zod';
import { Iso3Schema, YearSchema } from './record.ts';
import { SECURITY_PARTS } from './vocab.ts';

const PctSchema = z.number().finite().min(0).max(100);

const TrackTargetSchema = z.strictObject({
  /** Target in % of GDP. */
  target: PctSchema,
});

const SecurityTrackSchema = TrackTargetSchema.extend({
  /** At most this much security-related spending (% of GDP) counts towards the combined track. */
  cap: PctSchema,
});

/** Per-ally refinements; anything left out falls back to the rule set's value. */
const AllyOverrideSchema = z.strictObject({
  core: TrackTargetSchema.partial().optional(),
  security: SecurityTrackSchema.partial().optional(),
  combined: TrackTargetSchema.partial().optional(),
  baselineYear: YearSchema.optional(),
  targetYear: YearSchema.optional(),
  reason: z.string().min(1),
});

const RulesSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    description: z.string().optional(),
    source: z.string().optional(),
    baselineYear: YearSchema,
    targetYear: YearSchema,
    reviewYear: YearSchema.optional(),
    tracks: z.strictObject({
      core: TrackTargetSchema,
      security: SecurityTrackSchema,
      combined: TrackTargetSchema,
    }),
    legacy: z.strictObject({
      /** Wales 2014: defence expenditure as % of GDP. */
      gdpPct: PctSchema,
      /** Wales 2014: major equipment incl. R&D as % of defence expenditure. */
      equipmentSharePct: PctSchema,
    }),
    /** Security-related categories that count towards the security track. */
    eligibleSecurityCategories: z.array(z.enum(SECURITY_PARTS)).min(1),
    /** How far (percentage points) a plan year may fall below its path and still be credible. */
    planTolerancePct: z.number().finite().nonnegative(),
    validation: z.strictObject({
      /** A breakdown may differ from its total by this share of the total... */
      breakdownRelativeTolerance: z.number().finite().nonnegative(),
      /** ...or by this many millions of national currency, whichever is larger. */
      breakdownAbsoluteTolerance: z.number().finite().nonnegative(),
      /** A GDP change larger than this (%) from one year to the next is flagged. */
      gdpJumpWarningPct: z.number().finite().positive(),
    }),
    overrides: z.record(Iso3Schema, AllyOverrideSchema).default({}),
  })
  .refine((r) => r.targetYear > r.baselineYear, {
    message: 'targetYear must be after baselineYear',
    path: ['targetYear'],
  });

type Rules = z.infer<typeof RulesSchema>;
type RulesInput = z.input<typeof RulesSchema>;
type AllyOverride = z.infer<typeof AllyOverrideSchema>;

/**
 * The Hague Summit Declaration, 25 June 2025 (5% by 2035: 3.5% core + up to 1.5%
 * security-related; review in 2029), beside the Wales 2014 guidelines (2% and 20%).
 */
const HAGUE_2025: Rules = RulesSchema.parse({
  id: 'hague-2025',
  name: 'The Hague 2025 dual-track commitment',
  description:
    'At least 3.5% of GDP on core defence (NATO definition) and up to 1.5% on security-related spending, 5% in all by 2035, on a credible incremental path from 2025; the Wales 2014 guidelines (2% of GDP, 20% on major equipment) are reported beside it.',
  source: 'The Hague Summit Declaration, 25 June 2025, paragraphs 2-3; Wales Summit Declaration, 5 September 2014, paragraph 14.',
  baselineYear: 2025,
  targetYear: 2035,
  reviewYear: 2029,
  tracks: {
    core: { target: 3.5 },
    security: { target: 1.5, cap: 1.5 },
    combined: { target: 5.0 },
  },
  legacy: { gdpPct: 2.0, equipmentSharePct: 20 },
  eligibleSecurityCategories: [...SECURITY_PARTS],
  planTolerancePct: 0.1,
  validation: {
    breakdownRelativeTolerance: 0.005,
    breakdownAbsoluteTolerance: 0.5,
    gdpJumpWarningPct: 25,
  },
  overrides: {},
});

/** The targets and years that apply to one ally once its override is laid over the rules. */
interface EffectiveTargets {
  baselineYear: number;
  targetYear: number;
  core: number;
  security: number;
  securityCap: number;
  combined: number;
}

const effectiveTargets = (rules: Rules, iso3: string): EffectiveTargets => {
  const o = rules.overrides[iso3];
  return {
    baselineYear: o?.baselineYear ?? rules.baselineYear,
    targetYear: o?.targetYear ?? rules.targetYear,
    core: o?.core?.target ?? rules.tracks.core.target,
    security: o?.security?.target ?? rules.tracks.security.target,
    securityCap: o?.security?.cap ?? rules.tracks.security.cap,
    combined: o?.combined?.target ?? rules.tracks.combined.target,
  };
};

export { RulesSchema, AllyOverrideSchema, HAGUE_2025, effectiveTargets };
export type { Rules, RulesInput, AllyOverride, EffectiveTargets };
