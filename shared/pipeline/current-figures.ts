// The per-ally current-figures object (`current/<ISO3>.json` in the data bucket): what a
// publish needs of one ally, so that publishing reads one object per ally instead of every
// submission ever stored. Ingest keeps it up to date; the archive of stored submissions stays the
// source of truth, and the object is always exactly what `currentFromSubmissions` (merge-current.ts)
// makes of that ally's archived submissions, whatever order they arrived in.
//
// Per year it holds the figure that wins (the latest accepted upload's, with its provenance) and
// the history of every accepted submission's figures for that year, compactly: status, GDP, the
// core and security-related totals and parts (no notes, cells or currency), enough to compute
// what was planned or estimated for a year and compare it with what was reported later. An upload whose figures for a year equal
// the ones just before it (an identical re-upload) is folded into that entry as a repeat.
import * as z from 'zod';
import { CoreSchema, FigureStatus, Iso3Schema, SecuritySchema, SubmissionRecordSchema, YearSchema, valuesOf } from '../model/index.ts';

/** Bump when the shape changes: a store whose marker names another version is rebuilt from the archive. */
const CURRENT_VERSION = 1;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex');
const AmountOrNull = z.number().finite().nonnegative().nullable();

/** One accepted submission of the ally, as the object remembers it. */
const SubmissionRefSchema = z.strictObject({
  submissionId: z.string().min(1),
  uploadedAt: z.iso.datetime(),
  /** The file name as uploaded. */
  file: z.string().min(1),
  /** SHA-256 of the uploaded bytes; null for a submission archived before uploads kept it. */
  sha256: Sha256Schema.nullable(),
});

/** Which upload gave a history entry's figures again, unchanged. */
const RepeatSchema = z.strictObject({ submissionId: z.string().min(1), uploadedAt: z.iso.datetime() });

/** One accepted submission's figures for one year (the first of a run of identical ones). */
const HistoryEntrySchema = z.strictObject({
  submissionId: z.string().min(1),
  uploadedAt: z.iso.datetime(),
  status: z.enum(valuesOf(FigureStatus)),
  /** Millions of national currency, as in the record. */
  gdp: AmountOrNull,
  core: CoreSchema,
  security: SecuritySchema,
  /**
   * Fingerprint of the whole record but for which upload carried it (submission id, file name,
   * upload time): equal fingerprints mean equal figures, notes, sheet and cells.
   */
  digest: z.string().regex(/^[0-9a-f]{32}$/),
  /** Later uploads, oldest first, that gave exactly these figures for this year again. */
  repeats: z.array(RepeatSchema),
});

const CurrentYearSchema = z.strictObject({
  year: YearSchema,
  /** The figure that counts: the record of the first upload of the last entry of the history. */
  figure: SubmissionRecordSchema,
  /** Every accepted submission's figures for the year, in upload order (oldest first). */
  history: z.array(HistoryEntrySchema).min(1),
});

const CurrentFiguresSchema = z.strictObject({
  currentVersion: z.literal(CURRENT_VERSION),
  ally: Iso3Schema,
  /** Every accepted submission archived for the ally, in upload order (oldest first). */
  submissions: z.array(SubmissionRefSchema),
  /** One entry per year any submission gave figures for, ascending. */
  years: z.array(CurrentYearSchema),
});

/**
 * Written by a rebuild once every per-ally object has been made from the archive. A store
 * without it (made before per-ally objects existed) or whose version differs is rebuilt before
 * its next publish, so a publish never reads a partial set of objects.
 */
const CurrentMarkerSchema = z.strictObject({
  currentVersion: z.literal(CURRENT_VERSION),
  rebuiltAt: z.iso.datetime(),
});

type SubmissionRef = z.infer<typeof SubmissionRefSchema>;
type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
type CurrentYear = z.infer<typeof CurrentYearSchema>;
type CurrentFigures = z.infer<typeof CurrentFiguresSchema>;
type CurrentMarker = z.infer<typeof CurrentMarkerSchema>;

export { CURRENT_VERSION, CurrentFiguresSchema, CurrentMarkerSchema, CurrentYearSchema, HistoryEntrySchema, SubmissionRefSchema, Sha256Schema };
export type { SubmissionRef, HistoryEntry, CurrentYear, CurrentFigures, CurrentMarker };
