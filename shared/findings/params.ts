// The facts a finding's sentence is made from. The common ones are fields of every finding
// (sheet, cell, year, field, found, expected, ally); the rest travel in the finding's `params`,
// so a stored receipt can be worded again, in another language, from what it carries.
import * as z from 'zod';

const ParamValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
type ParamValue = z.infer<typeof ParamValueSchema>;

/** Extra facts of a finding, as stored with it: language-neutral values (numbers, codes, keys). */
const FindingParamsSchema = z.record(z.string(), ParamValueSchema);

/** Everything a sentence may use: the finding's own facts and its extra params. */
type FindingParams = Readonly<Record<string, ParamValue | undefined>>;

export { ParamValueSchema, FindingParamsSchema };
export type { ParamValue, FindingParams };
