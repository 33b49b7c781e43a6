// Everything the engine derives from one record before judging it: amounts, ratios, the
// year's USD rate, and per track the ratio judged and the amount counted.
import type { Rules, SubmissionRecord, Track } from '../model/index.ts';
import type { UsdFigures } from './aggregates.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { add, div, fromNumber } from './exact.ts';
import type { YearAmounts, YearRatios } from './ratios.ts';
import { joinReasons, yearAmounts, yearRatios } from './ratios.ts';

/** National currency units per USD for a currency and year, or null when unknown. */
type UsdRate = (currency: string, year: number) => number | null;

interface YearWork {
  record: SubmissionRecord;
  amounts: YearAmounts;
  ratios: YearRatios;
  /** Units of the record's currency per USD; null when unknown (or not a positive number). */
  rate: Exact | null;
  /** Why rate is null. */
  noRate: string;
  /**
   * Per track: the ratio judged and the amount counted. The security track is judged on the
   * capped ratio, so a cap below the target (an override) can never be met by overspending.
   */
  judged: Record<Track, { ratio: Measured; counted: Measured }>;
}

const rateOf = (usdRate: UsdRate, currency: string, year: number): Exact | null => {
  const r = usdRate(currency, year);
  return r !== null && Number.isFinite(r) && r > 0 ? fromNumber(r) : null;
};

const prepareYear = (record: SubmissionRecord, rules: Rules, cap: Exact, usdRate: UsdRate): YearWork => {
  const amounts = yearAmounts(record, cap, rules.eligibleSecurityCategories);
  const ratios = yearRatios(amounts, cap);
  const { core, securityCounted } = amounts;
  const combinedCounted: Measured =
    core.value !== null && securityCounted.value !== null
      ? { value: add(core.value, securityCounted.value) }
      : { value: null, reason: joinReasons(core, securityCounted) ?? 'figures missing' };
  return {
    record,
    amounts,
    ratios,
    // The record's own currency: a year before a euro changeover is already in euros here.
    rate: rateOf(usdRate, record.currency, record.year),
    noRate: `no USD exchange rate for ${record.currency} in ${record.year}`,
    judged: {
      core: { ratio: ratios.corePct, counted: core },
      security: { ratio: ratios.securityCountedPct, counted: securityCounted },
      combined: { ratio: ratios.combinedPct, counted: combinedCounted },
    },
  };
};

/** The year's amounts in USD; all null without a rate. */
const usdFigures = (w: YearWork): UsdFigures => {
  const inUsd = (m: Measured) => (m.value === null || w.rate === null ? null : div(m.value, w.rate));
  const { gdp, core, security, securityCounted, equipment } = w.amounts;
  return {
    gdp: inUsd(gdp),
    core: inUsd(core),
    security: inUsd(security),
    securityCounted: inUsd(securityCounted),
    equipment: inUsd(equipment),
  };
};

export { prepareYear, usdFigures };
export type { YearWork, UsdRate };
