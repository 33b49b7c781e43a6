// The NATO figures the samples are built from (samples/source/nato-def-exp-2024.json), checked
// on load so a hand edit that breaks the file fails loudly instead of producing odd samples.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CurrencySchema, Iso3Schema, YearSchema } from '../../shared/model/index.ts';

const PctSchema = z.number().finite().nonnegative();

const SourceYearSchema = z.strictObject({
  year: YearSchema,
  /** NATO marks the figure "e" (estimate). */
  estimate: z.boolean(),
  /** Table 1: defence expenditure, million national currency, current prices. */
  expenditure: z.number().finite().positive(),
  /**
   * Table 2: defence expenditure, million USD, current prices and exchange rates. Not used to
   * build the samples: it is what the pipeline's USD amounts are checked against.
   */
  usdExpenditure: z.number().finite().positive(),
  /** Table 3: defence expenditure as % of GDP (NATO: constant 2015 prices). */
  gdpSharePct: z.number().finite().positive(),
  /** Table 8: shares of defence expenditure, %. */
  personnelPct: PctSchema,
  equipmentPct: PctSchema,
  infrastructurePct: PctSchema,
  /** Operations & maintenance together with other expenditure, as NATO groups them. */
  otherPct: PctSchema,
});

const SourceAllySchema = z.strictObject({
  iso3: Iso3Schema,
  name: z.string().min(1),
  /** Table 1's label, e.g. "Leva". */
  nationalCurrency: z.string().min(1),
  currency: CurrencySchema,
  star2pctLaw: z.boolean(),
  years: z.array(SourceYearSchema).min(1),
});

const SampleSourceSchema = z.strictObject({
  source: z
    .object({
      title: z.string().min(1),
      published: z.iso.date(),
      derivation: z.strictObject({ gdp: z.string().min(1), breakdown: z.string().min(1) }),
    })
    .loose(),
  allies: z.array(SourceAllySchema).min(1),
});

type SourceYear = z.infer<typeof SourceYearSchema>;
type SourceAlly = z.infer<typeof SourceAllySchema>;
type SampleSource = z.infer<typeof SampleSourceSchema>;

const SAMPLE_SOURCE_PATH = new URL('../../samples/source/nato-def-exp-2024.json', import.meta.url);

const loadSampleSource = async (path: URL | string = SAMPLE_SOURCE_PATH): Promise<SampleSource> =>
  SampleSourceSchema.parse(JSON.parse(await readFile(path, 'utf8')));

export { SourceYearSchema, SourceAllySchema, SampleSourceSchema, SAMPLE_SOURCE_PATH, loadSampleSource };
export type { SourceYear, SourceAlly, SampleSource };
