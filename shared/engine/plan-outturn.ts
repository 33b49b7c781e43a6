// Plans against outturn: for each year of an ally, what every earlier accepted submission planned
// or estimated for it, beside the latest figure (the one the merge kept), and how far plans
// made one and two years ahead missed the outturn on average.
//
// Definitions (also in the published notes):
// - an earlier submission is one uploaded before the latest figure's (upload time, then id, the
//   merge's order); only its plan and estimate figures are listed (an earlier actual is a
//   revision, not a plan);
// - a figure was made k years ahead when its year minus the calendar year (UTC) of its upload
//   is k: a 2027 plan uploaded in 2025 was made 2 years ahead;
// - the delivery summary compares, for k = 1 and 2, each year whose latest figure is an actual
//   or an estimate (an outturn, not another plan) with the plan from the last accepted
//   submission uploaded k years before it (the plan as it stood at that year's end, so a
//   correction filed the same year does not count twice): reported − planned, in percentage
//   points, averaged signed and in absolute value.
// Ratios are computed as for the year itself (same eligible categories and cap), exactly.
import type { Core, Delivery, EarlierFigure, FigureStatus, Miss, Security, SubmissionRecord } from '../model/index.ts';
import { FigureStatus as Status } from '../model/index.ts';
import type { Exact } from './exact.ts';
import { absolute, div, integer, sub, sum, toNumber } from './exact.ts';
import type { YearFigures, YearRatios } from './ratios.ts';
import { reasonList } from './ratios.ts';

/** One ally-year figure as one accepted submission gave it. */
interface FigureVintage {
  ally: string;
  year: number;
  status: FigureStatus;
  gdp: number | null;
  core: Core;
  security: Security;
  submissionId: string;
  file: string;
  uploadedAt: string;
}

/** The leads (years ahead) the delivery summary averages. */
const DELIVERY_LEADS = [1, 2] as const;

/** Statuses that make the latest figure an outturn a plan can be held against. */
const OUTTURN: ReadonlySet<FigureStatus> = new Set([Status.actual, Status.estimate]);

/** Statuses of earlier figures that are listed: what was planned or estimated. */
const PLANNED: ReadonlySet<FigureStatus> = new Set([Status.plan, Status.estimate]);

interface Upload {
  submissionId: string;
  uploadedAt: string;
}

/** The merge's order: upload time, then submission id. */
const uploadOrder = (a: Upload, b: Upload): number => {
  const dt = Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt);
  if (dt !== 0) return dt;
  return a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0;
};

const uploadYear = (uploadedAt: string): number => new Date(uploadedAt).getUTCFullYear();

interface Comparison {
  aheadYears: number;
  lastOfUploadYear: boolean;
  core: Exact | null;
  combined: Exact | null;
}

interface YearOutturn {
  figures: EarlierFigure[];
  /** The exact differences behind the figures, for the summary; empty unless the latest figure is an outturn. */
  comparisons: Comparison[];
}

const num = (x: Exact | null): number | null => (x === null ? null : toNumber(x));
const diff = (reported: Exact | null, planned: Exact | null): Exact | null =>
  reported === null || planned === null ? null : sub(reported, planned);

/**
 * The earlier figures of one year.
 * @param latest the year's record (the merge's winner) and its ratios
 * @param vintages every accepted submission's figure for this ally and year, any order (the
 *   winner's own may be among them)
 * @param ratiosOf the year's ratio computation (eligible categories and cap of the ally)
 */
const yearOutturn = (
  latest: { record: SubmissionRecord; ratios: YearRatios },
  vintages: readonly FigureVintage[],
  ratiosOf: (figures: YearFigures) => YearRatios,
): YearOutturn => {
  const winner = latest.record.provenance;
  const listed = vintages
    .filter((v) => PLANNED.has(v.status) && v.submissionId !== winner.submissionId && uploadOrder(v, winner) < 0)
    .sort(uploadOrder);
  const lastOfYear = new Map<number, string>();
  for (const v of listed) lastOfYear.set(uploadYear(v.uploadedAt), v.submissionId);
  const reported = { core: latest.ratios.corePct.value, combined: latest.ratios.combinedPct.value };
  const rows = listed.map((v) => {
    const planned = ratiosOf(v);
    const core = diff(reported.core, planned.corePct.value);
    const combined = diff(reported.combined, planned.combinedPct.value);
    const reasons = reasonList(...[planned.corePct, planned.combinedPct].filter((m) => m.value === null));
    const comparison: Comparison = {
      aheadYears: v.year - uploadYear(v.uploadedAt),
      lastOfUploadYear: lastOfYear.get(uploadYear(v.uploadedAt)) === v.submissionId,
      core,
      combined,
    };
    const figure: EarlierFigure = {
      submissionId: v.submissionId,
      file: v.file,
      uploadedAt: v.uploadedAt,
      status: v.status === Status.plan ? Status.plan : Status.estimate,
      aheadYears: comparison.aheadYears,
      lastOfUploadYear: comparison.lastOfUploadYear,
      corePct: num(planned.corePct.value),
      combinedPct: num(planned.combinedPct.value),
      coreDiffPct: num(core),
      combinedDiffPct: num(combined),
      ...(reasons.length > 0 ? { reasons } : {}),
    };
    return { figure, comparison };
  });
  return {
    figures: rows.map((r) => r.figure),
    comparisons: OUTTURN.has(latest.record.status) ? rows.map((r) => r.comparison) : [],
  };
};

const miss = (diffs: readonly (Exact | null)[]): Miss => {
  const known = diffs.filter((d): d is Exact => d !== null);
  if (known.length === 0) return { comparisons: 0, meanDiffPct: null, meanAbsDiffPct: null };
  const n = integer(known.length);
  return {
    comparisons: known.length,
    meanDiffPct: num(div(sum(known), n)),
    meanAbsDiffPct: num(div(sum(known.map(absolute)), n)),
  };
};

/** The delivery summary over an ally's years' comparisons. */
const deliveryOf = (comparisons: readonly Comparison[]): Delivery => ({
  leads: DELIVERY_LEADS.map((aheadYears) => {
    const counted = comparisons.filter((c) => c.lastOfUploadYear && c.aheadYears === aheadYears);
    return { aheadYears, core: miss(counted.map((c) => c.core)), combined: miss(counted.map((c) => c.combined)) };
  }),
});

/** The vintages that stand for the records alone: each record is its own only submission. */
const vintagesOfRecords = (records: readonly SubmissionRecord[]): FigureVintage[] =>
  records.map((r) => ({
    ally: r.ally,
    year: r.year,
    status: r.status,
    gdp: r.gdp,
    core: r.core,
    security: r.security,
    submissionId: r.provenance.submissionId,
    file: r.provenance.file,
    uploadedAt: r.provenance.uploadedAt,
  }));

export { yearOutturn, deliveryOf, vintagesOfRecords, uploadOrder, DELIVERY_LEADS };
export type { FigureVintage, Comparison, YearOutturn };
