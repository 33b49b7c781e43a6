// ILLUSTRATIVE plan paths for 2025-2035, one per ally. No ally has published such a plan (NATO's
// June 2024 tables stop at 2024 and hold no security-related figures): these exist only so the
// samples exercise every outcome the engine reports. They are not forecasts or positions.
//
// Shapes, with tau = (year - baseline) / (target year - baseline):
// - steady: from the 2025 ratio to `core2035` along a straight line plus a small hump
//   (HUMP_PCT * 4 tau (1 - tau)), so every plan year sits a little above the ally's own path;
// - early: reaches `core2035` two years after the baseline and holds it (overshoots early);
// - late: holds the 2025 ratio until three years before the target year, then jumps to
//   `core2035`: it reaches the target on paper, but far below the path in between;
// - short: steady, towards a 2035 ratio below the target.
// Security-related spending follows the same shape from `security2025` to `security2035`.

const PlanShape = { steady: 'steady', early: 'early', late: 'late', short: 'short' } as const;
type PlanShape = (typeof PlanShape)[keyof typeof PlanShape];

interface PlanProfile {
  shape: PlanShape;
  /** Core defence expenditure in the baseline year, % of GDP; default: 2024 ratio + DEFAULT_CORE_STEP_PCT. */
  core2025?: number;
  core2035: number;
  security2025: number;
  security2035: number;
  /** Illustrative nominal GDP growth from 2024 on, % a year. */
  gdpGrowthPct: number;
}

const HUMP_PCT = 0.05;
const EARLY_YEARS = 2;
const LATE_YEARS = 3;
const DEFAULT_CORE_STEP_PCT = 0.1;
const DEFAULT_GDP_GROWTH_PCT = 3;

/** Illustrative split of security-related spending, % of its total (sums to 100). */
const SECURITY_SPLIT_PCT = {
  criticalInfrastructure: 25,
  cyber: 20,
  civilPreparedness: 15,
  innovation: 10,
  industrialBase: 15,
  militaryMobility: 15,
} as const;

const g = DEFAULT_GDP_GROWTH_PCT;
const steady = (core2035: number, security2025: number, security2035: number, gdpGrowthPct = g): PlanProfile => ({
  shape: PlanShape.steady,
  core2035,
  security2025,
  security2035,
  gdpGrowthPct,
});

const PLAN_PROFILES: Record<string, PlanProfile> = {
  ALB: steady(3.55, 0.3, 1.55),
  BEL: { shape: PlanShape.short, core2035: 2.5, security2025: 0.4, security2035: 0.9, gdpGrowthPct: g },
  BGR: steady(3.55, 0.3, 1.55),
  CAN: { shape: PlanShape.late, core2035: 3.55, security2025: 0.3, security2035: 1.55, gdpGrowthPct: g },
  CZE: steady(3.6, 0.4, 1.6),
  DEU: steady(3.6, 0.5, 1.55),
  DNK: { shape: PlanShape.early, core2035: 3.7, security2025: 0.6, security2035: 1.6, gdpGrowthPct: g },
  ESP: { shape: PlanShape.short, core2035: 2.1, security2025: 0.3, security2035: 0.7, gdpGrowthPct: g },
  EST: { shape: PlanShape.early, core2035: 5.0, security2025: 0.8, security2035: 1.6, gdpGrowthPct: g },
  FIN: steady(3.6, 0.6, 1.6),
  FRA: steady(3.55, 0.4, 1.55),
  GBR: steady(3.55, 0.5, 1.55),
  GRC: steady(3.6, 0.4, 1.55),
  HRV: steady(3.55, 0.3, 1.55),
  HUN: steady(3.55, 0.4, 1.55, 5),
  ITA: { shape: PlanShape.late, core2035: 3.55, security2025: 0.3, security2035: 1.55, gdpGrowthPct: g },
  LTU: { shape: PlanShape.early, core2035: 5.5, security2025: 1.0, security2035: 1.6, gdpGrowthPct: g },
  LUX: { shape: PlanShape.short, core2035: 2.0, security2025: 0.2, security2035: 0.6, gdpGrowthPct: g },
  LVA: { shape: PlanShape.early, core2035: 5.0, security2025: 0.8, security2035: 1.6, gdpGrowthPct: g },
  MKD: steady(3.55, 0.3, 1.55),
  MNE: steady(3.55, 0.3, 1.55),
  NLD: steady(3.55, 0.5, 1.55),
  NOR: steady(3.6, 0.5, 1.6),
  POL: { shape: PlanShape.early, core2035: 4.8, security2025: 1.0, security2035: 1.6, gdpGrowthPct: g },
  PRT: { shape: PlanShape.short, core2035: 2.5, security2025: 0.3, security2035: 0.8, gdpGrowthPct: g },
  ROU: steady(3.55, 0.4, 1.55),
  SVK: steady(3.55, 0.3, 1.55),
  SVN: { shape: PlanShape.short, core2035: 2.3, security2025: 0.3, security2035: 0.8, gdpGrowthPct: g },
  SWE: steady(3.6, 0.6, 1.6),
  // Core reaches its target, security-related spending does not: the combined track falls short.
  TUR: steady(3.55, 0.4, 1.0, 10),
  USA: steady(3.6, 0.5, 1.55),
};

/** A track's planned ratio (% of GDP) in `year`, for a plan running from `from` to `to`. */
const plannedRatio = (shape: PlanShape, start: number, end: number, year: number, from: number, to: number): number => {
  const tau = (year - from) / (to - from);
  switch (shape) {
    case PlanShape.steady:
    case PlanShape.short:
      return start + (end - start) * tau + HUMP_PCT * 4 * tau * (1 - tau);
    case PlanShape.early:
      return start + (end - start) * Math.min(1, (year - from) / EARLY_YEARS);
    case PlanShape.late:
      return year <= to - LATE_YEARS ? start : start + ((end - start) * (year - (to - LATE_YEARS))) / LATE_YEARS;
  }
};

const describeShape = (shape: PlanShape): string =>
  ({
    [PlanShape.steady]: 'steady path to the 2035 ratio',
    [PlanShape.early]: `reaches its 2035 ratio within ${EARLY_YEARS} years and holds it`,
    [PlanShape.late]: `flat, then a jump in the last ${LATE_YEARS} years (not a credible path)`,
    [PlanShape.short]: 'steady path that stops short of the targets',
  })[shape];

export {
  PlanShape,
  PLAN_PROFILES,
  SECURITY_SPLIT_PCT,
  HUMP_PCT,
  DEFAULT_CORE_STEP_PCT,
  DEFAULT_GDP_GROWTH_PCT,
  plannedRatio,
  describeShape,
};
export type { PlanProfile };
