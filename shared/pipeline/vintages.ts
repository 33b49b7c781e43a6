// The history behind the merged records, for plans against outturn: every accepted submission's
// figures for each year, as the engine's figure vintages, read from the allies' current figures
// (their history, pipeline/current-figures.ts). Uploads that repeated the figures just before
// them (identical re-uploads) are one vintage, the first upload's, so uploading a file again
// changes nothing published. Records naming another ally than the folder never entered the history.
import type { FigureVintage } from '../engine/index.ts';
import type { CurrentFigures } from './current-figures.ts';

const vintagesOf = (objects: readonly CurrentFigures[]): FigureVintage[] =>
  objects.flatMap((current) => {
    const files = new Map(current.submissions.map((s) => [s.submissionId, s.file]));
    return current.years.flatMap(({ year, history }) =>
      history.map((h) => ({
        ally: current.ally,
        year,
        status: h.status,
        gdp: h.gdp,
        core: h.core,
        security: h.security,
        submissionId: h.submissionId,
        file: files.get(h.submissionId) ?? h.submissionId,
        uploadedAt: h.uploadedAt,
      })),
    );
  });

export { vintagesOf };
