// Plans against outturn, as published: per ally and year, what each earlier accepted submission
// planned or estimated for that year beside the latest figure, and per ally how far plans made
// one and two years ahead missed the outturn on average.
import * as z from 'zod';
import { FigureStatus } from './vocab.ts';

const MaybeNumber = z.number().finite().nullable();

/** What an earlier accepted submission said about a year; the latest figure is the year's own. */
const EarlierFigureSchema = z.strictObject({
  submissionId: z.string().min(1),
  file: z.string().min(1),
  uploadedAt: z.iso.datetime(),
  /** How that submission labelled the figure: a plan or an estimate (earlier actuals are revisions, not plans). */
  status: z.enum([FigureStatus.plan, FigureStatus.estimate]),
  /**
   * How far ahead the figure was made: the figure's year minus the calendar year (UTC) of the
   * submission's upload. A 2027 figure uploaded in 2025 was made 2 years ahead; 0 is the year
   * itself, negative a past year.
   */
  aheadYears: z.number().int(),
  /**
   * The last accepted submission uploaded in its calendar year with a figure for this year: the
   * plan as it stood at that year's end. Only these count in the delivery summary.
   */
  lastOfUploadYear: z.boolean(),
  /** Core defence planned, % of GDP (of the GDP that submission gave for the year). */
  corePct: MaybeNumber,
  /** Core plus counted security-related planned, % of GDP. */
  combinedPct: MaybeNumber,
  /** Reported minus planned, percentage points (signed: negative means less than planned); null when either is unknown. */
  coreDiffPct: MaybeNumber,
  combinedDiffPct: MaybeNumber,
  /** Why a planned ratio is null. */
  reasons: z.array(z.string()).optional(),
});

/** How far plans made some years ahead missed the outturn, over the comparisons available. */
const MissSchema = z.strictObject({
  /** Comparisons averaged: one per year with an outturn and a plan made that many years ahead. */
  comparisons: z.number().int().nonnegative(),
  /** Mean of reported − planned, percentage points: negative when the ally tends to deliver less than it plans. null without comparisons. */
  meanDiffPct: MaybeNumber,
  /** Mean of |reported − planned|, percentage points: how far plans missed in either direction. */
  meanAbsDiffPct: MaybeNumber,
});

const DeliveryLeadSchema = z.strictObject({
  /** Plans made this many years ahead (see aheadYears). */
  aheadYears: z.number().int().positive(),
  core: MissSchema,
  combined: MissSchema,
});

/**
 * The ally's delivery: for plans made 1 and 2 years ahead, how far they missed the outturn. A
 * comparison is a year whose latest figure is an actual or an estimate (the outturn) and the
 * plan for it from the last accepted submission uploaded that many years before it.
 */
const DeliverySchema = z.strictObject({
  leads: z.array(DeliveryLeadSchema),
});

type EarlierFigure = z.infer<typeof EarlierFigureSchema>;
type Miss = z.infer<typeof MissSchema>;
type Delivery = z.infer<typeof DeliverySchema>;

export { EarlierFigureSchema, MissSchema, DeliveryLeadSchema, DeliverySchema };
export type { EarlierFigure, Miss, Delivery };
