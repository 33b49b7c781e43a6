// Factories for canonical records and stored submissions, for pipeline tests that need data in
// the data bucket without reading a workbook.
import type { SubmissionRecord } from '../../shared/model/index.ts';
import type { StoredSubmission } from '../../shared/pipeline/index.ts';

interface RecordSpec {
  ally: string;
  year: number;
  status?: SubmissionRecord['status'];
  currency?: string;
  gdp?: number | null;
  core?: number | null;
  security?: number | null;
}

const makeRecord = (spec: RecordSpec, provenance = { submissionId: 'sub-1', file: 'a.xlsx', uploadedAt: '2026-03-01T10:00:00.000Z' }): SubmissionRecord => ({
  ally: spec.ally,
  year: spec.year,
  status: spec.status ?? 'actual',
  currency: spec.currency ?? 'EUR',
  gdp: spec.gdp === undefined ? 100_000 : spec.gdp,
  core: { total: spec.core === undefined ? 2_000 : spec.core },
  security: { total: spec.security === undefined ? 500 : spec.security },
  provenance,
});

interface SubmissionSpec {
  ally: string;
  submissionId: string;
  uploadedAt: string;
  file?: string;
  /** SHA-256 of the uploaded bytes (null: unknown, never an identical re-upload). */
  sha256?: string | null;
  records: Omit<RecordSpec, 'ally'>[];
}

const makeStoredSubmission = (spec: SubmissionSpec): StoredSubmission => {
  const file = spec.file ?? `${spec.submissionId}.xlsx`;
  const provenance = { submissionId: spec.submissionId, file, uploadedAt: spec.uploadedAt };
  return {
    storedVersion: 2,
    submissionId: spec.submissionId,
    ally: spec.ally,
    file,
    key: `submissions/${spec.ally}/${file}`,
    versionId: null,
    uploadedAt: spec.uploadedAt,
    receiptStatus: 'accepted',
    records: spec.records.map((r) => makeRecord({ ...r, ally: spec.ally }, provenance)),
    sha256: spec.sha256 ?? null,
  };
};

export { makeRecord, makeStoredSubmission };
export type { RecordSpec, SubmissionSpec };
