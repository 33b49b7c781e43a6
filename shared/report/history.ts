// The release history: one summary per release, as releases/index.json lists them and
// index.html shows them. The publisher writes the index; the page reads the same shape.
import * as z from 'zod';
import { Iso3Schema } from '../model/index.ts';
import { ReleaseHeaderSchema } from './dataset.ts';

const ReleaseFileSchema = z.strictObject({
  /** Path relative to the release folder (releases/<n>/), e.g. `compliance.json`, `allies/ALB.json`. */
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});

/** One release in releases/index.json: its header as in compliance.json, plus its files. */
const ReleaseSummarySchema = ReleaseHeaderSchema.extend({
  files: z.array(ReleaseFileSchema),
  /**
   * The allies whose figures, statuses or sources the release changed (changes.ts), for their
   * feeds. Absent from releases published before it was recorded: their allies are not known.
   */
  changedAllies: z.array(Iso3Schema).optional(),
});

/** releases/index.json: every release, oldest first. */
const ReleasesIndexSchema = z.strictObject({
  indexVersion: z.literal(1),
  releases: z.array(ReleaseSummarySchema),
});

type ReleaseFile = z.infer<typeof ReleaseFileSchema>;
type ReleaseSummary = z.infer<typeof ReleaseSummarySchema>;
type ReleasesIndex = z.infer<typeof ReleasesIndexSchema>;

export { ReleaseFileSchema, ReleaseSummarySchema, ReleasesIndexSchema };
export type { ReleaseFile, ReleaseSummary, ReleasesIndex };
