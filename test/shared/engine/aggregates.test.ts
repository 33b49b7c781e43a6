import { describe, expect, it } from 'vitest';
import { aggregateYear } from '../../../shared/engine/aggregates.ts';
import type { AggregateEntry } from '../../../shared/engine/aggregates.ts';
import { fromNumber } from '../../../shared/engine/exact.ts';
import { AllianceYearSchema } from '../../../shared/model/index.ts';
import type { Track, TrackStatus } from '../../../shared/model/index.ts';

interface EntryInput {
  europeCanada?: boolean;
  noArmedForces?: boolean;
  /** USD amounts; a missing key is an unknown figure. */
  usd?: Partial<Record<'gdp' | 'core' | 'security' | 'securityCounted' | 'equipment', number>>;
  rateKnown?: boolean;
  statuses?: Partial<Record<Track, TrackStatus>>;
  twoPercent?: boolean | null;
  equipment20?: boolean | null;
  reported?: boolean;
}

const entry = (iso3: string, input: EntryInput = {}): AggregateEntry => {
  const x = (v: number | undefined) => (v === undefined ? null : fromNumber(v));
  const usd = input.usd ?? {};
  return {
    iso3,
    europeCanada: input.europeCanada ?? true,
    noArmedForces: input.noArmedForces ?? false,
    year:
      input.reported === false
        ? null
        : {
            usd: {
              gdp: x(usd.gdp),
              core: x(usd.core),
              security: x(usd.security),
              securityCounted: x(usd.securityCounted),
              equipment: x(usd.equipment),
            },
            rateKnown: input.rateKnown ?? true,
            statuses: { core: 'on_track', security: 'on_track', combined: 'on_track', ...input.statuses },
            twoPercent: input.twoPercent ?? null,
            equipment20: input.equipment20 ?? null,
          },
  };
};

describe('alliance aggregates', () => {
  it('takes ratios as sum over sum, not as the mean of the allies ratios', () => {
    // Prepare: BIG spends 20 of 1000 (2%), SML 1 of 10 (10%); mean of ratios would be 6%
    const entries = [
      entry('BIG', { usd: { gdp: 1000, core: 20, security: 5, securityCounted: 5, equipment: 4 } }),
      entry('SML', { usd: { gdp: 10, core: 1, security: 0.2, securityCounted: 0.15, equipment: 0.5 } }),
    ];

    // Act
    const year = aggregateYear(2025, entries);

    // Assess
    expect(year.all.gdpUsd).toBe(1010);
    expect(year.all.coreUsd).toBe(21);
    expect(year.all.corePct).toBeCloseTo((100 * 21) / 1010, 12); // 2.0792…, not 6
    expect(year.all.securityPct).toBeCloseTo((100 * 5.2) / 1010, 12); // 0.5148…
    expect(year.all.combinedPct).toBeCloseTo((100 * (21 + 5.15)) / 1010, 12); // 2.5891…
    expect(year.all.equipmentSharePct).toBeCloseTo((100 * 4.5) / 21, 12); // 21.428…
    expect(year.all.securityCountedUsd).toBe(5.15);
    expect(year.all.allies).toEqual(['BIG', 'SML']);
    expect(year.all.missing).toEqual([]);
    expect(AllianceYearSchema.safeParse(year).success).toBe(true);
  });

  it('leaves the United States out of Europe and Canada', () => {
    // Prepare: USA 20000 GDP at 3.5%, CAN 2000 at 1.5%, DEU 4000 at 2%
    const entries = [
      entry('CAN', { usd: { gdp: 2000, core: 30 } }),
      entry('DEU', { usd: { gdp: 4000, core: 80 } }),
      entry('USA', { europeCanada: false, usd: { gdp: 20000, core: 700 } }),
    ];

    // Act
    const year = aggregateYear(2025, entries);

    // Assess: all = 810 / 26000 = 3.1153…%; Europe and Canada = 110 / 6000 = 1.8333…%
    expect(year.all.corePct).toBeCloseTo((100 * 810) / 26000, 12);
    expect(year.europeCanada.allies).toEqual(['CAN', 'DEU']);
    expect(year.europeCanada.gdpUsd).toBe(6000);
    expect(year.europeCanada.corePct).toBeCloseTo((100 * 110) / 6000, 12);
  });

  it('lists the allies left out of the sums and says why', () => {
    // Prepare
    const entries = [
      entry('AAA', { usd: { gdp: 1000, core: 20 } }),
      entry('BBB', { rateKnown: false }),
      entry('CCC', { reported: false }),
      entry('DDD', { usd: { core: 5 } }),
      entry('ISL', { noArmedForces: true, reported: false }),
    ];

    // Act
    const year = aggregateYear(2025, entries);

    // Assess
    expect(year.all.allies).toEqual(['AAA']);
    expect(year.all.missing).toEqual(['BBB', 'CCC', 'DDD']);
    expect(year.all.reasons).toContain(
      'left out: BBB (no USD exchange rate), CCC (no figures for the year), DDD (GDP missing or zero)',
    );
    expect(year.all.corePct).toBe(2);
  });

  it('computes security ratios over the allies that report security-related spending, and says so', () => {
    // Prepare: AAA 1000 GDP with 10 security; BBB 3000 GDP without a security figure
    const entries = [
      entry('AAA', { usd: { gdp: 1000, core: 20, security: 10, securityCounted: 10 } }),
      entry('BBB', { usd: { gdp: 3000, core: 90 } }),
    ];

    // Act
    const year = aggregateYear(2025, entries);

    // Assess: securityPct = 100·10/1000 = 1; combined = 100·(20 + 10)/1000 = 3; core = 100·110/4000 = 2.75
    expect(year.all.securityPct).toBe(1);
    expect(year.all.combinedPct).toBe(3);
    expect(year.all.corePct).toBe(2.75);
    expect(year.all.equipmentSharePct).toBeNull();
    expect(year.all.reasons).toContain(
      'security-related figures missing for BBB: securityPct and combinedPct cover the other allies',
    );
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
    const year = aggregateYear(2026, entries);

    // Assess
    expect(year.counts.core).toEqual({ pre_commitment: 0, met: 2, on_track: 0, off_track: 1, no_data: 0 });
    expect(year.counts.security).toEqual({ pre_commitment: 0, met: 0, on_track: 2, off_track: 0, no_data: 1 });
    expect(year.counts.twoPercent).toBe(2);
    expect(year.counts.equipment20).toBe(1);
    expect(year.counts.reporting).toBe(3);
  });

  it('has null sums and ratios, not zeros or NaN, when nobody can be summed', () => {
    // Prepare
    const entries = [entry('AAA', { rateKnown: false })];

    // Act
    const year = aggregateYear(2025, entries);

    // Assess
    expect(year.all).toMatchObject({ gdpUsd: null, coreUsd: null, corePct: null, securityPct: null, combinedPct: null });
    expect(AllianceYearSchema.safeParse(year).success).toBe(true);
  });
});
