// The message ingest puts on the publish queue. It names what changed for the logs and the
// release reason; the publisher always rebuilds from every stored submission, so the message
// carries no figures.
import * as z from 'zod';
import { Iso3Schema } from '../../shared/model/index.ts';

const PublishRequestSchema = z.strictObject({
  reason: z.literal('upload'),
  ally: Iso3Schema,
  submissionId: z.string().min(1),
  /** Decoded key of the uploaded object in the uploads bucket. */
  key: z.string().min(1),
});

type PublishRequest = z.infer<typeof PublishRequestSchema>;

export { PublishRequestSchema };
export type { PublishRequest };
