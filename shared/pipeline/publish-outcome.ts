// What a publish or a recompute answers, as one schema: the pipeline returns it, the recompute
// function sends it back to whoever invoked it, the local cloud's control route answers it, and
// every client (`recompute` against the local cloud or a stack) parses the answer with it. Its
// fields take their rules from the release header they report on.
import * as z from 'zod';
import { ReleaseHeaderSchema } from '../report/index.ts';
import { RepairReportSchema } from './repair.ts';

const header = ReleaseHeaderSchema.shape;

const PublishOutcomeSchema = z.object({
  /** False when the dataset equals the latest release's: nothing was written. */
  published: z.boolean(),
  /** The release now latest (the new one, or the unchanged one); null when none exists. */
  release: header.number.nullable(),
  digest: header.digest,
  reportingYear: header.reportingYear,
  /**
   * Keys written to the public bucket, in write order: the new release's, and latest/ and the
   * page when an earlier publisher had stopped short of them (empty when nothing was written).
   */
  written: z.array(z.string()),
  /** What a repair did before this publish, when the recompute was asked to repair first. */
  repair: RepairReportSchema.optional(),
});

type PublishOutcome = z.infer<typeof PublishOutcomeSchema>;

export { PublishOutcomeSchema };
export type { PublishOutcome };
