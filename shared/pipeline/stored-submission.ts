// What the data bucket keeps for each accepted upload (the archive, submissions/<ISO3>/<id>.json):
// its records plus the provenance the merge needs to order resubmissions (uploadedAt, then
// submissionId) and to know an identical re-upload (the SHA-256 of the uploaded bytes).
import * as z from 'zod';
import { Iso3Schema, ReceiptStatus, SubmissionRecordSchema, valuesOf } from '../model/index.ts';

const common = {
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
};

/** What ingest writes. */
const StoredSubmissionV2Schema = z.strictObject({
  storedVersion: z.literal(2),
  ...common,
  /** SHA-256 (hex) of the uploaded bytes; null only for a submission archived before it was kept. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});

/** Archived before uploads kept their digest: read as version 2 without one. */
const StoredSubmissionV1Schema = z
  .strictObject({ storedVersion: z.literal(1), ...common })
  .transform((s) => ({ ...s, storedVersion: 2 as const, sha256: null }));

/** Any archived submission, as version 2. */
const StoredSubmissionSchema = z.union([StoredSubmissionV2Schema, StoredSubmissionV1Schema]);

type StoredSubmission = z.output<typeof StoredSubmissionV2Schema>;

export { StoredSubmissionSchema, StoredSubmissionV2Schema };
export type { StoredSubmission };
