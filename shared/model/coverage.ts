// What a sum over allies covers: who is in it, who was expected and left out (with why), and
// whether that meets the rules' coverage rule. Shared by the yearly aggregates and the money gap.
import * as z from 'zod';
import { Iso3Schema } from './record.ts';
import { LeftOutReason, valuesOf } from './vocab.ts';

const LeftOutSchema = z.strictObject({ iso3: Iso3Schema, reason: z.enum(valuesOf(LeftOutReason)), detail: z.string().min(1) });

const CoverageSchema = z.strictObject({
  included: z.number().int().nonnegative(),
  expected: z.number().int().nonnegative(),
  /** included / expected in %; null when no ally is expected. */
  pct: z.number().finite().nullable(),
  /** The rules' aggregates.minCoveragePct is reached: only then is the figure the group's. */
  meetsRule: z.boolean(),
});

type LeftOut = z.infer<typeof LeftOutSchema>;
type Coverage = z.infer<typeof CoverageSchema>;

export { LeftOutSchema, CoverageSchema };
export type { LeftOut, Coverage };
