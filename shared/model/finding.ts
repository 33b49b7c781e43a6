// Receipts: the answer to an upload, with every finding. A submitter's mistakes are data, with a
// stable code and a place; the finding's shape and its codes live in shared/findings.
import * as z from 'zod';
import { FindingSchema } from '../findings/index.ts';
import type { Finding } from '../findings/index.ts';
import { Iso3Schema, SubmissionRecordSchema, YearSchema } from './record.ts';
import { ReceiptStatus, valuesOf } from './vocab.ts';
import { LANGS } from '../text/index.ts';

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
  /** Who uploaded, from the object's metadata (`uploader`, `uploader-sub`) the portal signs in; absent for other uploads. */
  uploader: z.strictObject({ email: z.string(), sub: z.string().nullable() }).optional(),
  /**
   * The language of the dualtrack template the file came from (its _meta sheet); absent for
   * any other file. The stored findings stay in English; the annotated copy, the page and the
   * e-mail word them in this language (or the one the submitter picks on the page).
   */
  lang: z.enum(LANGS).optional(),
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

type Receipt = z.infer<typeof ReceiptSchema>;

export { FindingSchema, ReceiptSchema };
export type { Finding, Receipt };
