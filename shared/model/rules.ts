// The rules a release is computed under. Every threshold and year lives here as data; the
// engine and the validators read them from a parsed Rules object, never from literals.
import * as z from 'zod';
import { Iso3Schema, YearSchema } from './record.ts';
import { SECURITY_PARTS } from './vocab.ts';

const PctSchema = z.number().finite().min(0).max(100);

const TrackTargetSchema = z.strictObject({
  /** Target in % of GDP. */
  target: PctSchema,
});

/**
 * The security-related track has no target of its own: it is a ceiling on what counts towards
 * the combined target. What an ally needs from it in a year is the combined target minus core,
 * at most the cap and at least 0 (core above its own target also counts towards the combined).
 */
const SecurityTrackSchema = z.strictObject({
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

/**
 * The licence the operator publishes the releases under, as a data package states it: an
 * identifier (SPDX or Open Definition, e.g. `CC-BY-4.0`), its title and the address of its text.
 * Optional, so a rules file written before it existed stays valid; without it the reports say
 * that no licence is stated.
 */
const LicenseSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/, 'an identifier such as CC-BY-4.0 (letters, digits, dots, plus and dashes)'),
  title: z.string().min(1),
  path: z.url({ protocol: /^https?$/, error: 'the address (http or https) of the licence text' }),
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
    aggregates: z.strictObject({
      /**
       * A sum over allies is called the alliance's (or Europe and Canada's) only when it includes
       * at least this share (%) of the allies expected that year: members with armed forces.
       * Below it, reports show the figure with its coverage, never under the group's name alone.
       */
      minCoveragePct: PctSchema,
    }),
    overrides: z.record(Iso3Schema, AllyOverrideSchema).default({}),
    /** What readers may do with the releases; the operator's statement, published with every release. */
    license: LicenseSchema.optional(),
  })
  .refine((r) => r.targetYear > r.baselineYear, {
    message: 'targetYear must be after baselineYear',
    path: ['targetYear'],
  })
  .refine((r) => r.reviewYear === undefined || (r.reviewYear >= r.baselineYear && r.reviewYear <= r.targetYear), {
    message: 'reviewYear must lie between baselineYear and targetYear',
    path: ['reviewYear'],
  });

type Rules = z.infer<typeof RulesSchema>;
type RulesInput = z.input<typeof RulesSchema>;
type AllyOverride = z.infer<typeof AllyOverrideSchema>;
type License = z.infer<typeof LicenseSchema>;

/**
 * The Hague Summit Declaration, 25 June 2025 (5% by 2035: at least 3.5% core, and up to 1.5%
 * security-related counted towards the 5%; review in 2029), beside the Wales 2014 guidelines
 * (2% and 20%).
 */
const HAGUE_2025: Rules = RulesSchema.parse({
  id: 'hague-2025',
  name: 'The Hague 2025 dual-track commitment',
  description:
    '5% of GDP a year by 2035: at least 3.5% on core defence (NATO definition), plus security-related spending, of which at most 1.5% of GDP counts towards the 5%. Core above 3.5% counts towards the 5% too, so the security-related track is judged on what the ally needs from it each year: 5% minus its core, at most 1.5% and at least 0. Each track follows a credible incremental path from the ally\'s 2025 figures; the review year 2029 is reported as a checkpoint. Alliance and Europe-and-Canada figures bear that name only when they include every ally expected that year. The Wales 2014 guidelines (2% of GDP, 20% on major equipment) are reported beside it.',
  source: 'The Hague Summit Declaration, 25 June 2025, paragraphs 2-3; Wales Summit Declaration, 5 September 2014, paragraph 14.',
  baselineYear: 2025,
  targetYear: 2035,
  reviewYear: 2029,
  tracks: {
    core: { target: 3.5 },
    security: { cap: 1.5 },
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
  aggregates: { minCoveragePct: 100 },
  overrides: {},
  license: { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' },
});

/** The targets and years that apply to one ally once its override is laid over the rules. */
interface EffectiveTargets {
  baselineYear: number;
  targetYear: number;
  core: number;
  /** The most security-related spending (% of GDP) that counts towards the combined target. */
  securityCap: number;
  combined: number;
}

const effectiveTargets = (rules: Rules, iso3: string): EffectiveTargets => {
  const o = rules.overrides[iso3];
  return {
    baselineYear: o?.baselineYear ?? rules.baselineYear,
    targetYear: o?.targetYear ?? rules.targetYear,
    core: o?.core?.target ?? rules.tracks.core.target,
    securityCap: o?.security?.cap ?? rules.tracks.security.cap,
    combined: o?.combined?.target ?? rules.tracks.combined.target,
  };
};

export { RulesSchema, AllyOverrideSchema, LicenseSchema, HAGUE_2025, effectiveTargets };
export type { Rules, RulesInput, AllyOverride, License, EffectiveTargets };
