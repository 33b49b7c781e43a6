import { describe, expect, it } from 'vitest';
import { aggregateYear } from '../../../shared/engine/aggregates.ts';
import type { AggregateEntry, AggregateSettings, UsdFigures } from '../../../shared/engine/aggregates.ts';
import { fromNumber } from '../../../shared/engine/exact.ts';
import { AllianceYearSchema } from '../../../shared/model/index.ts';
import type { Track, TrackStatus } from '../../../shared/model/index.ts';

type Usd = Partial<Record<keyof UsdFigures, number>>;

interface EntryInput {
  europeCanada?: boolean;
  noArmedForces?: boolean;
  accession?: number;
  /** USD amounts at current rates; a missing key is an unknown figure. */
  usd?: Usd;
  /** USD amounts at constant rates; the current ones when not given. */
  constantUsd?: Usd;
  /** Why a basis has no rate (that basis then has no USD figures). */
  noCurrentRate?: string;
  noConstantRate?: string;
  statuses?: Partial<Record<Track, TrackStatus>>;
  twoPercent?: boolean | null;
  equipment20?: boolean | null;
  reported?: boolean;
}

const SETTINGS: AggregateSettings = { constantRateYear: 2024, minCoveragePct: 100 };

const figures = (usd: Usd | undefined, known: boolean): UsdFigures => {
  const x = (v: number | undefined) => (v === undefined || !known ? null : fromNumber(v));
  const u = usd ?? {};
  return { gdp: x(u.gdp), core: x(u.core), security: x(u.security), securityCounted: x(u.securityCounted), equipment: x(u.equipment) };
};

const entry = (iso3: string, input: EntryInput = {}): AggregateEntry => ({
  iso3,
  europeCanada: input.europeCanada ?? true,
  noArmedForces: input.noArmedForces ?? false,
  accession: input.accession ?? 1949,
  year:
    input.reported === false
      ? null
      : {
          usd: {
            current: figures(input.usd, input.noCurrentRate === undefined),
            constant: figures(input.constantUsd ?? input.usd, input.noConstantRate === undefined),
          },
          noRate: { current: input.noCurrentRate ?? null, constant: input.noConstantRate ?? null },
          statuses: { core: 'on_track', security: 'on_track', combined: 'on_track', ...input.statuses },
          twoPercent: input.twoPercent ?? null,
          equipment20: input.equipment20 ?? null,
        },
});

describe('alliance aggregates', () => {
  it('takes ratios as sum over sum, not as the mean of the allies ratios', () => {
    // Prepare: BIG spends 20 of 1000 (2%), SML 1 of 10 (10%); mean of ratios would be 6%
    const entries = [
      entry('BIG', { usd: { gdp: 1000, core: 20, security: 5, securityCounted: 5, equipment: 4 } }),
      entry('SML', { usd: { gdp: 10, core: 1, security: 0.2, securityCounted: 0.15, equipment: 0.5 } }),
    ];

    // Act
    const year = aggregateYear(2025, entries, SETTINGS);

    // Assess
    const all = year.all.current;
    expect(all.gdpUsd).toBe(1010);
    expect(all.coreUsd).toBe(21);
    expect(all.corePct).toBeCloseTo((100 * 21) / 1010, 12); // 2.0792…, not 6
    expect(all.securityPct).toBeCloseTo((100 * 5.2) / 1010, 12); // 0.5148…
    expect(all.combinedPct).toBeCloseTo((100 * (21 + 5.15)) / 1010, 12); // 2.5891…
    expect(all.equipmentSharePct).toBeCloseTo((100 * 4.5) / 21, 12); // 21.428…
    expect(all.securityCountedUsd).toBe(5.15);
    expect(all.allies).toEqual(['BIG', 'SML']);
    expect(all.leftOut).toEqual([]);
    expect(AllianceYearSchema.safeParse(year).success).toBe(true);
  });

  it('sums Europe and Canada over the allies the reference puts in it', () => {
    // Prepare: USA 20000 GDP at 3.5%, CAN 2000 at 1.5%, DEU 4000 at 2%
    const entries = [
      entry('CAN', { usd: { gdp: 2000, core: 30 } }),
      entry('DEU', { usd: { gdp: 4000, core: 80 } }),
      entry('USA', { europeCanada: false, usd: { gdp: 20000, core: 700 } }),
    ];

    // Act
    const year = aggregateYear(2025, entries, SETTINGS);

    // Assess: all = 810 / 26000 = 3.1153…%; Europe and Canada = 110 / 6000 = 1.8333…%
    expect(year.all.current.corePct).toBeCloseTo((100 * 810) / 26000, 12);
    expect(year.europeCanada.current.expected).toEqual(['CAN', 'DEU']);
    expect(year.europeCanada.current.allies).toEqual(['CAN', 'DEU']);
    expect(year.europeCanada.current.gdpUsd).toBe(6000);
    expect(year.europeCanada.current.corePct).toBeCloseTo((100 * 110) / 6000, 12);
  });

  it('lists the expected allies left out of the sums, each with its reason, and counts the coverage', () => {
    // Prepare: five allies expected (ISL has no armed forces, so it is not)
    const entries = [
      entry('AAA', { usd: { gdp: 1000, core: 20 } }),
      entry('BBB', { usd: { gdp: 500, core: 5 }, noCurrentRate: 'no exchange rate for EUR in 2026' }),
      entry('CCC', { reported: false }),
      entry('DDD', { usd: { core: 5 } }),
      entry('EEE', { usd: { gdp: 300 } }),
      entry('ISL', { noArmedForces: true, reported: false }),
    ];

    // Act
    const year = aggregateYear(2026, entries, SETTINGS);

    // Assess: only AAA is summed on the current basis: 1 of 5 = 20%; core 100·20/1000 = 2
    const current = year.all.current;
    expect(current.expected).toEqual(['AAA', 'BBB', 'CCC', 'DDD', 'EEE']);
    expect(current.allies).toEqual(['AAA']);
    expect(current.leftOut).toEqual([
      { iso3: 'BBB', reason: 'no_rate', detail: 'no exchange rate for EUR in 2026' },
      { iso3: 'CCC', reason: 'no_figures', detail: 'no figures for 2026' },
      { iso3: 'DDD', reason: 'no_gdp', detail: 'GDP missing or zero' },
      { iso3: 'EEE', reason: 'no_core', detail: 'core defence expenditure missing' },
    ]);
    expect(current.coverage).toEqual({ included: 1, expected: 5, pct: 20, meetsRule: false });
    expect(current.corePct).toBe(2);
    // At constant rates BBB has a rate: (20 + 5) / (1000 + 500) = 1.6666…%, 2 of 5 allies
    expect(year.all.constant.allies).toEqual(['AAA', 'BBB']);
    expect(year.all.constant.corePct).toBeCloseTo((100 * 25) / 1500, 12);
    expect(year.all.constant.coverage).toMatchObject({ included: 2, expected: 5, pct: 40 });
  });

  it('computes security ratios over the allies that report security-related spending, and says so', () => {
    // Prepare: AAA 1000 GDP with 10 security; BBB 3000 GDP without a security figure
    const entries = [
      entry('AAA', { usd: { gdp: 1000, core: 20, security: 10, securityCounted: 10 } }),
      entry('BBB', { usd: { gdp: 3000, core: 90 } }),
    ];

    // Act
    const year = aggregateYear(2025, entries, SETTINGS);

    // Assess: securityPct = 100·10/1000 = 1; combined = 100·(20 + 10)/1000 = 3; core = 100·110/4000 = 2.75
    const all = year.all.current;
    expect(all.securityPct).toBe(1);
    expect(all.combinedPct).toBe(3);
    expect(all.corePct).toBe(2.75);
    expect(all.equipmentSharePct).toBeNull();
    expect(all.reasons).toContain('security-related figures missing for BBB: securityPct and combinedPct cover the other allies');
  });

  it('counts allies per status and track, the legacy guidelines met, and those reporting', () => {
    // Prepare
    const entries = [
      entry('AAA', { statuses: { core: 'met' }, twoPercent: true, equipment20: true }),
      entry('BBB', { statuses: { core: 'off_track', security: 'no_data' }, twoPercent: false, equipment20: null }),
      entry('CCC', { statuses: { core: 'met' }, twoPercent: true, equipment20: false }),
      entry('DDD', { reported: false }),
    ];

    // Act
    const year = aggregateYear(2026, entries, SETTINGS);

    // Assess
    expect(year.counts.core).toEqual({ pre_commitment: 0, met: 2, on_track: 0, off_track: 1, no_data: 0 });
    expect(year.counts.security).toEqual({ pre_commitment: 0, met: 0, on_track: 2, off_track: 0, no_data: 1 });
    expect(year.counts.twoPercent).toBe(2);
    expect(year.counts.equipment20).toBe(1);
    expect(year.counts.reporting).toBe(3);
  });

  it('has null sums and ratios, not zeros or NaN, when nobody can be summed', () => {
    // Prepare
    const entries = [entry('AAA', { noCurrentRate: 'no rate', noConstantRate: 'no rate' })];

    // Act
    const year = aggregateYear(2025, entries, SETTINGS);

    // Assess
    expect(year.all.current).toMatchObject({ gdpUsd: null, coreUsd: null, corePct: null, securityPct: null, combinedPct: null });
    expect(year.all.current.coverage).toEqual({ included: 0, expected: 1, pct: 0, meetsRule: false });
    expect(AllianceYearSchema.safeParse(year).success).toBe(true);
  });

  it('expects only the allies that were members that year, and does not sum the figures of a future member', () => {
    // Prepare: SWE joined in 2024; in 2023 it has figures but NATO's total leaves them out
    const entries = [entry('AAA', { usd: { gdp: 1000, core: 20 } }), entry('SWE', { accession: 2024, usd: { gdp: 500, core: 7 } })];

    // Act
    const y2023 = aggregateYear(2023, entries, SETTINGS);
    const y2024 = aggregateYear(2024, entries, SETTINGS);

    // Assess: 2023 = 20/1000 = 2%, complete with 1 of 1; 2024 = 27/1500 = 1.8%
    expect(y2023.all.current).toMatchObject({ expected: ['AAA'], allies: ['AAA'], notYetMembers: ['SWE'], corePct: 2 });
    expect(y2023.all.current.coverage).toEqual({ included: 1, expected: 1, pct: 100, meetsRule: true });
    expect(y2024.all.current).toMatchObject({ expected: ['AAA', 'SWE'], notYetMembers: [], corePct: 1.8 });
  });
});

describe('the coverage rule', () => {
  // Ten allies expected; the first `included` have figures and a rate, the others have no figures.
  const tenAllies = (included: number) =>
    Array.from({ length: 10 }, (_, i) =>
      i < included ? entry(`A${String.fromCharCode(65 + i)}A`, { usd: { gdp: 100, core: 2 } }) : entry(`A${String.fromCharCode(65 + i)}A`, { reported: false }),
    );

  it('calls a sum the group figure only when it covers at least the share of expected allies the rules ask', () => {
    // Prepare: the rule at 90%: 9 of 10 is exactly 90%, 8 of 10 is 80%
    const settings = { ...SETTINGS, minCoveragePct: 90 };

    // Act
    const nine = aggregateYear(2025, tenAllies(9), settings).all.current.coverage;
    const eight = aggregateYear(2025, tenAllies(8), settings).all.current.coverage;

    // Assess
    expect(nine).toEqual({ included: 9, expected: 10, pct: 90, meetsRule: true });
    expect(eight).toEqual({ included: 8, expected: 10, pct: 80, meetsRule: false });
  });

  it('under the default rule (100%) needs every expected ally', () => {
    // Act
    const nine = aggregateYear(2025, tenAllies(9), SETTINGS).all.current.coverage;
    const ten = aggregateYear(2025, tenAllies(10), SETTINGS).all.current.coverage;

    // Assess
    expect(nine.meetsRule).toBe(false);
    expect(ten.meetsRule).toBe(true);
  });

  it('presents current rates when they cover everyone, else constant rates when they do, else the wider sum', () => {
    // Prepare
    const full = [entry('AAA', { usd: { gdp: 100, core: 2 } }), entry('BBB', { usd: { gdp: 100, core: 3 } })];
    const noCurrent = [entry('AAA', { usd: { gdp: 100, core: 2 } }), entry('BBB', { usd: { gdp: 100, core: 3 }, noCurrentRate: 'none' })];
    const neither = [
      entry('AAA', { usd: { gdp: 100, core: 2 }, noCurrentRate: 'none' }),
      entry('BBB', { usd: { gdp: 100, core: 3 }, noCurrentRate: 'none' }),
      entry('CCC', { reported: false }),
    ];

    // Act
    const shown = [full, noCurrent, neither].map((e) => aggregateYear(2026, e, SETTINGS).all.presented);

    // Assess
    expect(shown).toEqual(['current', 'constant', 'constant']);
  });
});
