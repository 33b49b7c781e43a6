// Shapes of the reference data: the allies and the exchange-rate table. Both are data files an
// operator can replace; these schemas check them when they are loaded.
import * as z from 'zod';
import { CurrencySchema, Iso3Schema, YearSchema } from '../model/index.ts';

/** One currency an ally used, from a year (inclusive) until the year before the next one. */
const CurrencyPeriodSchema = z.strictObject({
  currency: CurrencySchema,
  from: YearSchema,
  /** Last year (inclusive) the currency was in use; absent for the current one. */
  to: YearSchema.optional(),
  /** For a legacy euro currency: its irrevocable rate, units per EUR. */
  eurRate: z.number().positive().optional(),
  /** Date the euro replaced it (ISO date), for legacy euro currencies. */
  changeover: z.iso.date().optional(),
});

const AllyGroup = { northAmerica: 'north-america', europe: 'europe' } as const;

const AllyRefSchema = z.strictObject({
  iso3: Iso3Schema,
  iso2: z.string().regex(/^[A-Z]{2}$/),
  nameEn: z.string().min(1),
  nameFr: z.string().min(1),
  /** Other names people use (old names, short forms, other languages); matched case- and accent-insensitively. */
  aliases: z.array(z.string().min(1)),
  accession: YearSchema,
  group: z.enum(['north-america', 'europe']),
  /** Counted in NATO's "Europe and Canada" aggregate (every ally but the United States). */
  europeCanada: z.boolean(),
  /** True for Iceland: no armed forces, reports no defence expenditure. */
  noArmedForces: z.boolean().optional(),
  /** Currency history, oldest first; the last entry is the currency of today. */
  currencies: z.array(CurrencyPeriodSchema).min(1),
});

/** National currency units per USD, yearly averages; null means "not known", never a guess. */
const FxTableSchema = z.strictObject({
  description: z.string(),
  source: z.string().min(1),
  unit: z.literal('national currency per USD, yearly average'),
  rates: z.record(CurrencySchema, z.record(z.string().regex(/^\d{4}$/), z.number().positive().nullable())),
});

/** The shipped allies file: self-describing, and each ally's currency history contiguous. */
const AlliesFileSchema = z
  .strictObject({
    description: z.string().min(1),
    source: z.string().min(1),
    allies: z.array(AllyRefSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.allies.forEach((ally, i) => {
      for (const code of [ally.iso3, ally.iso2]) {
        if (seen.has(code)) ctx.addIssue({ code: 'custom', message: `duplicate code ${code}`, path: ['allies', i] });
        seen.add(code);
      }
      ally.currencies.forEach((period, j) => {
        const next = ally.currencies[j + 1];
        const path = ['allies', i, 'currencies', j];
        if (next && period.to === undefined) ctx.addIssue({ code: 'custom', message: 'only the last period may be open-ended', path });
        if (next && period.to !== undefined && next.from !== period.to + 1)
          ctx.addIssue({ code: 'custom', message: 'the next period must start the year after this one ends', path });
        if (!next && period.to !== undefined) ctx.addIssue({ code: 'custom', message: 'the currency of today has no end year', path });
        if (period.to !== undefined && period.to < period.from) ctx.addIssue({ code: 'custom', message: 'ends before it starts', path });
      });
    });
  });

type CurrencyPeriod = z.infer<typeof CurrencyPeriodSchema>;
type AllyRef = z.infer<typeof AllyRefSchema>;
type FxTable = z.infer<typeof FxTableSchema>;
type AlliesFile = z.infer<typeof AlliesFileSchema>;

export { CurrencyPeriodSchema, AllyRefSchema, AlliesFileSchema, FxTableSchema, AllyGroup };
export type { CurrencyPeriod, AllyRef, AlliesFile, FxTable };
