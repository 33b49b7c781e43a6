// Factories for the compliance engine's tests: records, allies and reference data small
// enough to compute by hand. Defaults: ally AAA, 2025, EUR, GDP 1000, core 35 (of which
// equipment 7), security-related 15, i.e. exactly 3.5% + 1.5% = 5% and 20% on equipment.
import type { Rules, RulesInput, SubmissionRecord } from '../../shared/model/index.ts';
import { HAGUE_2025, RulesSchema } from '../../shared/model/index.ts';
import type { EngineReference } from '../../shared/engine/index.ts';
import type { AllyRef } from '../../shared/reference/index.ts';

type RecordInput = Partial<Omit<SubmissionRecord, 'core' | 'security'>> & {
  core?: Partial<SubmissionRecord['core']>;
  security?: Partial<SubmissionRecord['security']>;
};

const aRecord = (input: RecordInput = {}): SubmissionRecord => {
  const ally = input.ally ?? 'AAA';
  const year = input.year ?? 2025;
  return {
    ally,
    year,
    status: 'actual',
    currency: 'EUR',
    gdp: 1000,
    ...input,
    core: { total: 35, equipment: 7, ...input.core },
    security: { total: 15, ...input.security },
    provenance: input.provenance ?? {
      submissionId: `${ally}-${year}`,
      file: `${ally}.xlsx`,
      uploadedAt: '2026-01-15T10:00:00.000Z',
    },
  };
};

/**
 * One record per row of amounts out of a GDP of 1000, so 35 is 3.5% of GDP; equipment is a
 * fifth of core (20%); years up to 2025 are actuals and later ones plans unless a row says.
 */
const aSeries = (
  ally: string,
  rows: readonly (readonly [year: number, core: number, security: number, status?: SubmissionRecord['status']])[],
): SubmissionRecord[] =>
  rows.map(([year, core, security, status]) =>
    aRecord({
      ally,
      year,
      status: status ?? (year <= 2025 ? 'actual' : 'plan'),
      core: { total: core, equipment: core / 5 },
      security: { total: security },
    }),
  );

const anAlly = (iso3: string, input: Partial<AllyRef> = {}): AllyRef => ({
  iso3,
  iso2: iso3.slice(0, 2),
  nameEn: `Ally ${iso3}`,
  nameFr: `Allié ${iso3}`,
  aliases: [],
  accession: 1949,
  group: 'europe',
  europeCanada: true,
  currencies: [{ currency: 'EUR', from: 1999 }],
  ...input,
});

/**
 * A reference whose rates come from a table keyed `CUR:YEAR` (null: the table has the year but no
 * rate); a rate not in it is unknown. The table covers the years of its keys and `years`.
 */
const aReference = (
  allies: readonly AllyRef[],
  rates: Record<string, number | null> = {},
  years: readonly number[] = [],
): EngineReference => ({
  allies,
  usdRate: (currency, year) => rates[`${currency}:${year}`] ?? null,
  rateYears: [...new Set([...Object.keys(rates).map((k) => Number(k.split(':')[1])), ...years])],
});

/** The default rules with some values replaced, parsed so an invalid change fails loudly. */
const rulesWith = (changes: Partial<RulesInput>): Rules => RulesSchema.parse({ ...HAGUE_2025, ...changes });

export { aRecord, aSeries, anAlly, aReference, rulesWith };
export type { RecordInput };
