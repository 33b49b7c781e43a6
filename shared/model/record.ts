// The canonical submission record: one ally, one year, amounts in millions of the ally's
// national currency of today (legacy euro currencies already converted).
import { z } from 'zod';
import { FigureStatus, valuesOf } from './vocab.ts';

const Iso3Schema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code in capitals');
const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals');
const YearSchema = z.number().int().min(1949).max(2100);
/** An amount in millions of national currency; never negative, never NaN. */
const AmountSchema = z.number().finite().nonnegative();

const CoreSchema = z.strictObject({
  total: AmountSchema.nullable(),
  personnel: AmountSchema.optional(),
  equipment: AmountSchema.optional(),
  infrastructure: AmountSchema.optional(),
  operations: AmountSchema.optional(),
  other: AmountSchema.optional(),
});

const SecuritySchema = z.strictObject({
  total: AmountSchema.nullable(),
  criticalInfrastructure: AmountSchema.optional(),
  cyber: AmountSchema.optional(),
  civilPreparedness: AmountSchema.optional(),
  innovation: AmountSchema.optional(),
  industrialBase: AmountSchema.optional(),
  militaryMobility: AmountSchema.optional(),
  other: AmountSchema.optional(),
});

/** Where a record came from: which upload, and which cells held each field. */
const ProvenanceSchema = z.strictObject({
  submissionId: z.string().min(1),
  file: z.string().min(1),
  uploadedAt: z.iso.datetime(),
  sheet: z.string().optional(),
  /** Field path (e.g. `core.total`) to the cell it was read from (e.g. `Data!D7`). */
  cells: z.record(z.string(), z.string()).optional(),
});

const SubmissionRecordSchema = z.strictObject({
  ally: Iso3Schema,
  year: YearSchema,
  status: z.enum(valuesOf(FigureStatus)),
  currency: CurrencySchema,
  gdp: AmountSchema.nullable(),
  core: CoreSchema,
  security: SecuritySchema,
  notes: z.string().optional(),
  /** True when a figure is not an official one (e.g. sample plans); reports say so. */
  illustrative: z.boolean().optional(),
  provenance: ProvenanceSchema,
});

type Core = z.infer<typeof CoreSchema>;
type Security = z.infer<typeof SecuritySchema>;
type Provenance = z.infer<typeof ProvenanceSchema>;
type SubmissionRecord = z.infer<typeof SubmissionRecordSchema>;

export {
  Iso3Schema,
  CurrencySchema,
  YearSchema,
  AmountSchema,
  CoreSchema,
  SecuritySchema,
  ProvenanceSchema,
  SubmissionRecordSchema,
};
export type { Core, Security, Provenance, SubmissionRecord };
