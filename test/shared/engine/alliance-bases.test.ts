// The alliance and Europe-and-Canada figures of 2026 and 2035 on both bases, with the arithmetic
// written out. The rate table has rates for 2024 only (USD is 1 every year), as the shipped one
// stops at NATO's last published year: at current rates only the United States can be summed
// after 2024, at constant (2024) rates everyone can.
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../shared/engine/index.ts';
import type { ComplianceResult } from '../../../shared/model/index.ts';
import { ComplianceResultSchema, HAGUE_2025 } from '../../../shared/model/index.ts';
import { aRecord, aReference, anAlly, rulesWith } from '../../helpers/engine-records.ts';

const ALLIES = [
  anAlly('CAN', { group: 'north-america', currencies: [{ currency: 'CAD', from: 1949 }] }),
  anAlly('DEU'),
  anAlly('USA', { group: 'north-america', europeCanada: false, currencies: [{ currency: 'USD', from: 1949 }] }),
];
const YEARS = Array.from({ length: 12 }, (_, k) => 2024 + k);
const RATES = {
  'EUR:2024': 0.8,
  'CAD:2024': 1.25,
  ...Object.fromEntries(YEARS.map((y) => [`USD:${y}`, 1])),
};
const reference = aReference(ALLIES, RATES, YEARS);

const RECORDS = [
  // 2026: USA 3.5%, DEU 2%, CAN 1.5% of GDP on core
  aRecord({ ally: 'USA', year: 2026, currency: 'USD', gdp: 30000, core: { total: 1050 }, security: { total: 0 } }),
  aRecord({ ally: 'DEU', year: 2026, gdp: 4000, core: { total: 80 }, security: { total: 0 } }),
  aRecord({ ally: 'CAN', year: 2026, currency: 'CAD', gdp: 2500, core: { total: 37.5 }, security: { total: 0 } }),
  // 2035: USA 3.5% + 1.5%; DEU 4% + 1%; CAN 3.5% + 2% (of which 1.5% counts)
  aRecord({ ally: 'USA', year: 2035, status: 'plan', currency: 'USD', gdp: 36000, core: { total: 1260 }, security: { total: 540 } }),
  aRecord({ ally: 'DEU', year: 2035, status: 'plan', gdp: 5000, core: { total: 200 }, security: { total: 50 } }),
  aRecord({ ally: 'CAN', year: 2035, status: 'plan', currency: 'CAD', gdp: 3000, core: { total: 105 }, security: { total: 60 } }),
];

const allianceYear = (result: ComplianceResult, year: number) => {
  const y = result.alliance.years.find((a) => a.year === year);
  if (!y) throw new Error(`no aggregate for ${year}`);
  return y;
};

describe('alliance figures on both exchange-rate bases', () => {
  it('finds the constant basis in the latest year with a rate for every ally', () => {
    // Act
    const result = computeCompliance(RECORDS, HAGUE_2025, reference);

    // Assess: EUR and CAD have rates in 2024 only
    expect(result.alliance.constantRateYear).toBe(2024);
    expect(allianceYear(result, 2026).all.constant).toMatchObject({ basis: 'constant', rateYear: 2024, basisLabel: 'at 2024 exchange rates' });
    expect(allianceYear(result, 2026).all.current).toMatchObject({ basis: 'current', rateYear: null, basisLabel: 'at current exchange rates' });
    expect(ComplianceResultSchema.safeParse(result).success).toBe(true);
  });

  it('sums 2026 at current rates over the United States alone, and says so', () => {
    // Act
    const y = allianceYear(computeCompliance(RECORDS, HAGUE_2025, reference), 2026);

    // Assess: 100·1050/30000 = 3.5, but it covers 1 of 3 allies: below the rule, not the alliance's
    expect(y.all.current.allies).toEqual(['USA']);
    expect(y.all.current.corePct).toBe(3.5);
    expect(y.all.current.coverage).toEqual({ included: 1, expected: 3, pct: 100 / 3, meetsRule: false });
    expect(y.all.current.leftOut).toEqual([
      { iso3: 'CAN', reason: 'no_rate', detail: 'no exchange rate for CAD in 2026' },
      { iso3: 'DEU', reason: 'no_rate', detail: 'no exchange rate for EUR in 2026' },
    ]);
    expect(y.europeCanada.current).toMatchObject({ allies: [], corePct: null, coverage: { included: 0, expected: 2, pct: 0, meetsRule: false } });
  });

  it('sums 2026 at 2024 rates over every ally and presents that basis', () => {
    // Act
    const y = allianceYear(computeCompliance(RECORDS, HAGUE_2025, reference), 2026);

    // Assess: at 2024 rates DEU GDP 4000/0.8 = 5000, core 80/0.8 = 100; CAN GDP 2500/1.25 = 2000, core 37.5/1.25 = 30.
    // Alliance: core (1050 + 100 + 30) / GDP (30000 + 5000 + 2000) = 1180/37000 = 3.189189…%
    // Europe and Canada: (100 + 30) / (5000 + 2000) = 130/7000 = 1.857142…%
    expect(y.all.presented).toBe('constant');
    expect(y.all.constant).toMatchObject({ allies: ['CAN', 'DEU', 'USA'], leftOut: [], gdpUsd: 37000, coreUsd: 1180 });
    expect(y.all.constant.corePct).toBeCloseTo((100 * 1180) / 37000, 12);
    expect(y.all.constant.coverage).toEqual({ included: 3, expected: 3, pct: 100, meetsRule: true });
    expect(y.europeCanada.presented).toBe('constant');
    expect(y.europeCanada.constant).toMatchObject({ allies: ['CAN', 'DEU'], gdpUsd: 7000, coreUsd: 130 });
    expect(y.europeCanada.constant.corePct).toBeCloseTo((100 * 130) / 7000, 12);
  });

  it('sums 2035 on both bases, counting security-related spending up to the cap', () => {
    // Act
    const y = allianceYear(computeCompliance(RECORDS, HAGUE_2025, reference), 2035);

    // Assess, at 2024 rates:
    //   USA GDP 36000, core 1260, security 540 (1.5%, all counted)
    //   DEU GDP 5000/0.8 = 6250, core 200/0.8 = 250, security 50/0.8 = 62.5 (1%, all counted)
    //   CAN GDP 3000/1.25 = 2400, core 105/1.25 = 84, security 60/1.25 = 48, counted 1.5% of 2400 = 36
    // Alliance: GDP 44650; core 1594 → 3.57000…%; security 650.5 → 1.45688…%;
    //   combined (1594 + 540 + 62.5 + 36) / 44650 = 2232.5/44650 = exactly 5%.
    const all = y.all.constant;
    expect(all).toMatchObject({ gdpUsd: 44650, coreUsd: 1594, securityUsd: 650.5, securityCountedUsd: 638.5, combinedPct: 5 });
    expect(all.corePct).toBeCloseTo((100 * 1594) / 44650, 12);
    expect(all.securityPct).toBeCloseTo((100 * 650.5) / 44650, 12);
    // Europe and Canada: GDP 8650; core 334 → 3.86127…%; combined (334 + 62.5 + 36) / 8650 = 5%
    expect(y.europeCanada.constant).toMatchObject({ gdpUsd: 8650, coreUsd: 334, combinedPct: 5 });
    expect(y.europeCanada.constant.corePct).toBeCloseTo((100 * 334) / 8650, 12);
    // At current rates, again the United States alone: 3.5% core, 5% combined, 1 of 3 allies
    expect(y.all.current).toMatchObject({ allies: ['USA'], corePct: 3.5, combinedPct: 5, coverage: { included: 1, expected: 3 } });
    expect(y.all.presented).toBe('constant');
  });

  it('presents current rates where they cover every ally, where both bases agree in the rate year', () => {
    // Prepare: 2024 figures, the year of the rates
    const records = [
      aRecord({ ally: 'USA', year: 2024, currency: 'USD', gdp: 30000, core: { total: 900 } }),
      aRecord({ ally: 'DEU', year: 2024, gdp: 4000, core: { total: 60 } }),
      aRecord({ ally: 'CAN', year: 2024, currency: 'CAD', gdp: 2500, core: { total: 30 } }),
    ];

    // Act
    const y = allianceYear(computeCompliance(records, HAGUE_2025, reference), 2024);

    // Assess: (900 + 60/0.8 + 30/1.25) / (30000 + 5000 + 2000) = 999/37000 = 2.7%
    expect(y.all.presented).toBe('current');
    expect(y.all.current.corePct).toBe(2.7);
    expect(y.all.constant.corePct).toBe(2.7);
  });

  it('takes the coverage rule from the rules', () => {
    // Prepare: a rule that a third of the allies satisfies
    const rules = rulesWith({ aggregates: { minCoveragePct: 30 } });

    // Act
    const y = allianceYear(computeCompliance(RECORDS, rules, reference), 2026);

    // Assess: 1 of 3 = 33.3% ≥ 30%
    expect(y.all.current.coverage.meetsRule).toBe(true);
    expect(y.europeCanada.current.coverage.meetsRule).toBe(false);
  });

  it('converts an ally-year without a rate at the latest earlier one and flags it as carried forward', () => {
    // Act
    const result = computeCompliance(RECORDS, HAGUE_2025, reference);

    // Assess: DEU 2026 at the 2024 rate: GDP 4000/0.8 = 5000
    const deu = result.allies.find((a) => a.iso3 === 'DEU')?.years.find((y) => y.year === 2026);
    expect(deu?.usd).toMatchObject({ rate: 0.8, rateYear: 2024, carriedForward: true, gdp: 5000, core: 100 });
    const usa = result.allies.find((a) => a.iso3 === 'USA')?.years.find((y) => y.year === 2026);
    expect(usa?.usd).toMatchObject({ rate: 1, rateYear: 2026, carriedForward: false });
    // The gap in USD uses the same rate: DEU core gap 3.5% of 4000 − 80 = 60 EUR = 75 USD
    expect(deu?.tracks.core).toMatchObject({ gapNational: 60, gapUsd: 75 });
  });
});
