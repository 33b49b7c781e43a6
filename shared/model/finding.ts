// Findings and receipts: a submitter's mistakes are data, with a stable code and a place.
import { z } from 'zod';
import { Iso3Schema, SubmissionRecordSchema, YearSchema } from './record.ts';
import { ReceiptStatus, Severity, valuesOf } from './vocab.ts';

const FindingSchema = z.strictObject({
  severity: z.enum(valuesOf(Severity)),
  /** Stable machine code, kebab-case (e.g. `negative-value`); wording may change, codes do not. */
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  sheet: z.string().nullable(),
  /** A1 address of the cell in question, or null when the finding is about the whole file. */
  cell: z.string().nullable(),
  row: z.number().int().positive().nullable().optional(),
  column: z.number().int().positive().nullable().optional(),
  ally: Iso3Schema.nullable().optional(),
  year: YearSchema.nullable().optional(),
  field: z.string().nullable().optional(),
  /** What was found, as the submitter would recognise it. */
  found: z.string().nullable().optional(),
  /** What was expected instead. */
  expected: z.string().nullable().optional(),
  message: z.string().min(1),
});

const ReceiptSchema = z.strictObject({
  receiptVersion: z.literal(1),
  submissionId: z.string().min(1),
  status: z.enum(valuesOf(ReceiptStatus)),
  ally: Iso3Schema.nullable(),
  file: z.string(),
  /** Key of the uploaded object, and its version or ETag when the store has one. */
  source: z
    .strictObject({ key: z.string(), versionId: z.string().nullable().optional(), etag: z.string().nullable().optional() })
    .optional(),
  uploadedAt: z.iso.datetime(),
  checkedAt: z.iso.datetime(),
  years: z.array(YearSchema),
  counts: z.strictObject({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  findings: z.array(FindingSchema),
  /** One section per sheet the findings name (null: the file as a whole), like a validation report's tasks. */
  sheets: z
    .array(
      z.strictObject({
        sheet: z.string().nullable(),
        counts: z.strictObject({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
      }),
    )
    .optional(),
  records: z.array(SubmissionRecordSchema),
});

type Finding = z.infer<typeof FindingSchema>;
type Receipt = z.infer<typeof ReceiptSchema>;

export { FindingSchema, ReceiptSchema };
export type { Finding, Receipt };
