// Safety bounds applied to every upload before (and while) it is parsed. Each has a named
// default; an operator may tighten or loosen them through options validated here.
import * as z from 'zod';

const IngestLimitsSchema = z.strictObject({
  /** Largest upload accepted, bytes. */
  maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
  /** Most entries a workbook's zip may hold (a real workbook has a few dozen). */
  maxZipEntries: z.number().int().positive().default(500),
  /** Largest total uncompressed size of the zip entries, bytes. */
  maxUncompressedBytes: z.number().int().positive().default(100 * 1024 * 1024),
  /** Highest compression ratio of any single entry (uncompressed / compressed). */
  maxCompressionRatio: z.number().positive().default(200),
  /** Most rows a sheet may use. */
  maxRows: z.number().int().positive().default(10_000),
  /** Most columns a sheet may use. */
  maxColumns: z.number().int().positive().default(500),
  /**
   * Most cells the merged ranges of one sheet may cover, once clipped to the cells the sheet
   * holds (a merge written down to row 1,048,576 covers only the rows that exist).
   */
  maxMergedCells: z.number().int().positive().default(100_000),
});

type IngestLimits = z.infer<typeof IngestLimitsSchema>;
const DEFAULT_LIMITS: IngestLimits = IngestLimitsSchema.parse({});

export { IngestLimitsSchema, DEFAULT_LIMITS };
export type { IngestLimits };
