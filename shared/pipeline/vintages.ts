// The history behind the merged records, for plans against outturn: every figure of every stored
// accepted submission, as the engine's figure vintages. Like the merge, a record whose ally
// differs from the ally the submission was filed under is left out.
import type { FigureVintage } from '../engine/index.ts';
import type { StoredSubmission } from './stored-submission.ts';

const vintagesOf = (submissions: readonly StoredSubmission[]): FigureVintage[] =>
  submissions.flatMap((s) =>
    s.records
      .filter((r) => r.ally === s.ally)
      .map((r) => ({
        ally: r.ally,
        year: r.year,
        status: r.status,
        gdp: r.gdp,
        core: r.core,
        security: r.security,
        submissionId: s.submissionId,
        file: s.file,
        uploadedAt: s.uploadedAt,
      })),
  );

export { vintagesOf };
