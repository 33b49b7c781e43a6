// compliance.json: the engine's result, wrapped with the release header, the rules it was
// computed under and notes for readers. The zod schema here is the published contract
// (schema.json is generated from it), so it reuses the model's schemas rather than restating them.
import * as z from 'zod';
import {
  AllyResultSchema,
  ComplianceResultSchema,
  ReleaseTrigger,
  RulesSchema,
  YearSchema,
  valuesOf,
} from '../model/index.ts';
import type { ComplianceResult, Rules } from '../model/index.ts';
import { datasetDigest } from './digest.ts';
import { DatasetInvalidError } from './errors.ts';
import { buildNotes, NoteSchema } from './notes.ts';

// 2: alliance sums on two exchange-rate bases with their coverage; the security-related track's
// need and contribution; the review-year checkpoint; USD rates carried forward or legacy flagged.
// 3: plans against outturn (years[].earlierFigures, delivery), the money gap to the target year
// (moneyGap per ally, alliance.moneyGap), the ally's French name (nameFr), and the licence the
// operator states in the rules (rules.license, optional: a dataset without it is still version 3).
const DATASET_SCHEMA_VERSION = 3;

const ReleaseHeaderSchema = z.strictObject({
  /** Release number: 1, 2, 3, … one more than the previous release. */
  number: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  trigger: z.enum(valuesOf(ReleaseTrigger)),
  /** Why an analyst published, when they said. */
  reason: z.string().optional(),
  rulesId: z.string().min(1),
  /** The year the headline and standings are about. */
  reportingYear: YearSchema,
  /** The exchange-rate table the release was computed with: its source line and the sha256 of its canonical JSON. */
  fxTable: z.strictObject({ source: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  /** sha256 (hex) of the dataset without release number, time, trigger and reason. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

// The engine may already carry these; stating them keeps the published contract explicit.
const DatasetAllySchema = AllyResultSchema.extend({
  /** True for an ally without armed forces (Iceland): reports show "no armed forces". */
  noArmedForces: z.boolean().optional(),
  /** A remark on how the ally is treated. */
  note: z.string().optional(),
});

const ComplianceDatasetSchema = z
  .strictObject({
    schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
    release: ReleaseHeaderSchema,
    rules: RulesSchema,
    /** Where the exchange rates behind every USD amount come from. */
    fxSource: z.string().min(1),
    allies: z.array(DatasetAllySchema),
    alliance: ComplianceResultSchema.shape.alliance,
    notes: z.array(NoteSchema),
  })
  .meta({
    title: 'dualtrack compliance dataset',
    description:
      "Every NATO ally's defence and security-related spending per year against the rules of the release. Amounts in millions of national currency (usd: millions of US dollars); percentages of GDP at full precision.",
  });

type ReleaseHeader = z.infer<typeof ReleaseHeaderSchema>;
type DatasetAlly = z.infer<typeof DatasetAllySchema>;
type ComplianceDataset = z.infer<typeof ComplianceDatasetSchema>;

interface BuildDatasetInput {
  result: ComplianceResult;
  rules: Rules;
  release: Pick<ReleaseHeader, 'number' | 'publishedAt' | 'trigger' | 'reason' | 'reportingYear'>;
  /** The exchange-rate table's source line. */
  fxSource: string;
  /** The sha256 of the table (see ReleaseHeaderSchema.fxTable); the release header names it when given. */
  fxSha256?: string;
}

const byIso3 = (a: { iso3: string }, b: { iso3: string }) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0);
const byYear = (a: { year: number }, b: { year: number }) => a.year - b.year;

/**
 * Wraps an engine result into the published dataset. Allies are sorted by ISO3 and years
 * ascending, so the dataset (and its digest) never depends on the order submissions arrived in.
 * Throws DatasetInvalidError when the result breaks the schema: that is a bug upstream.
 */
const buildDataset = ({ result, rules, release, fxSource, fxSha256 }: BuildDatasetInput): ComplianceDataset => {
  const allies = [...result.allies].sort(byIso3).map((a) => ({ ...a, years: [...a.years].sort(byYear) }));
  const alliance = { ...result.alliance, years: [...result.alliance.years].sort(byYear) };
  const draft = {
    schemaVersion: DATASET_SCHEMA_VERSION,
    release: {
      number: release.number,
      publishedAt: release.publishedAt,
      trigger: release.trigger,
      ...(release.reason === undefined ? {} : { reason: release.reason }),
      rulesId: rules.id,
      reportingYear: release.reportingYear,
      ...(fxSha256 === undefined ? {} : { fxTable: { source: fxSource, sha256: fxSha256 } }),
      digest: '0'.repeat(64),
    },
    rules,
    fxSource,
    allies,
    alliance,
    notes: buildNotes({ allies, rules, fxSource }),
  };
  const parsed = ComplianceDatasetSchema.safeParse(draft);
  if (!parsed.success) {
    throw new DatasetInvalidError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      { cause: parsed.error },
    );
  }
  const dataset = parsed.data;
  return { ...dataset, release: { ...dataset.release, digest: datasetDigest(dataset) } };
};

export { ComplianceDatasetSchema, ReleaseHeaderSchema, DatasetAllySchema, DATASET_SCHEMA_VERSION, buildDataset };
export type { ComplianceDataset, ReleaseHeader, DatasetAlly, BuildDatasetInput };
