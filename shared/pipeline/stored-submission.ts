// What the data bucket keeps for each accepted upload: its records plus the provenance the
// publisher needs to order resubmissions (uploadedAt, then submissionId).
import * as z from 'zod';
import { Iso3Schema, ReceiptStatus, SubmissionRecordSchema, valuesOf } from '../model/index.ts';

const StoredSubmissionSchema = z.strictObject({
  storedVersion: z.literal(1),
  submissionId: z.string().min(1),
  ally: Iso3Schema,
  /** File name as uploaded. */
  file: z.string().min(1),
  /** Key of the upload in the uploads bucket (decoded). */
  key: z.string().min(1),
  versionId: z.string().nullable(),
  uploadedAt: z.iso.datetime(),
  receiptStatus: z.enum(valuesOf(ReceiptStatus)).exclude(['rejected']),
  records: z.array(SubmissionRecordSchema),
});

type StoredSubmission = z.infer<typeof StoredSubmissionSchema>;

export { StoredSubmissionSchema };
export type { StoredSubmission };
