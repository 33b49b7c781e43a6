// Everything the engine derives from one record before judging it: amounts, ratios, the
// year's USD conversion, and per track the ratio judged and the amount counted.
import type { Rules, SubmissionRecord, Track } from '../model/index.ts';
import type { UsdFigures } from './aggregates.ts';
import type { Measured } from './amounts.ts';
import type { Exact } from './exact.ts';
import { add, div } from './exact.ts';
import type { Conversion } from './exchange.ts';
import type { YearAmounts, YearRatios } from './ratios.ts';
import { joinReasons, yearAmounts, yearRatios } from './ratios.ts';

interface YearWork {
  record: SubmissionRecord;
  amounts: YearAmounts;
  ratios: YearRatios;
  /** The conversion to USD: the year's own, or carried forward from an earlier year; null when none. */
  conversion: Conversion | null;
  /** Units of the record's currency per USD (conversion.rate); null when unknown. */
  rate: Exact | null;
  /** Why rate is null. */
  noRate: string;
  /**
   * Per track: the ratio judged and the amount counted. The security track is judged on the
   * capped ratio, so spending above the cap never counts.
   */
  judged: Record<Track, { ratio: Measured; counted: Measured }>;
}

const prepareYear = (record: SubmissionRecord, rules: Rules, cap: Exact, conversion: Conversion | null): YearWork => {
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
    conversion,
    rate: conversion?.rate ?? null,
    noRate: `no USD exchange rate for ${record.currency} in ${record.year} or any earlier year`,
    judged: {
      core: { ratio: ratios.corePct, counted: core },
      security: { ratio: ratios.securityCountedPct, counted: securityCounted },
      combined: { ratio: ratios.combinedPct, counted: combinedCounted },
    },
  };
};

/** The year's amounts in USD at a rate (units per USD); all null without one. */
const usdAt = (amounts: YearAmounts, rate: Exact | null): UsdFigures => {
  const inUsd = (m: Measured) => (m.value === null || rate === null ? null : div(m.value, rate));
  const { gdp, core, security, securityCounted, equipment } = amounts;
  return {
    gdp: inUsd(gdp),
    core: inUsd(core),
    security: inUsd(security),
    securityCounted: inUsd(securityCounted),
    equipment: inUsd(equipment),
  };
};

export { prepareYear, usdAt };
export type { YearWork };
