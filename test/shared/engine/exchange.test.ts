// USD conversion as NATO does it: a year before an ally's euro changeover at the legacy
// currency's own dollar rate, a year without a rate at the latest earlier one (flagged), and the
// constant basis at the latest year with a rate for everyone.
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../shared/engine/index.ts';
import { toNumber } from '../../../shared/engine/exact.ts';
import { constantRateYear, conversionFor } from '../../../shared/engine/exchange.ts';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { allyByIso3 } from '../../../shared/reference/index.ts';
import type { AllyRef } from '../../../shared/reference/index.ts';
import { aRecord, aReference, anAlly } from '../../helpers/engine-records.ts';

const shipped = (iso3: string): AllyRef => {
  const ally = allyByIso3(iso3);
  if (!ally) throw new Error(`${iso3} is not in the shipped reference`);
  return ally;
};

// NATO's 2014 tables: Croatia spent 811.371412589 million (Table 1, in euro, converted from kuna at
// 7.53450) and 1063.80045942 million USD (Table 2). Kuna per USD in 2014: 5.7466397; euro: 0.75253335.
const HRV_2014_EUR = 811.371412589;
const RATES = { 'HRK:2014': 5.7466397, 'EUR:2014': 0.75253335, 'EUR:2023': 0.92457294 };

describe('USD conversion before a euro changeover', () => {
  it('converts Croatia 2014 from kuna at the kuna’s dollar rate, as NATO does', () => {
    // Prepare
    const reference = aReference([shipped('HRV')], RATES);
    const record = aRecord({ ally: 'HRV', year: 2014, gdp: 40000, core: { total: HRV_2014_EUR } });

    // Act
    const y = computeCompliance([record], HAGUE_2025, reference).allies[0]?.years[0];

    // Assess: 811.371412589 EUR × 7.53450 HRK/EUR = 6113.28 HRK; ÷ 5.7466397 HRK/USD = 1063.8005 USD
    // (NATO: 1063.80045942). The euro's own rate would give 811.371412589 ÷ 0.75253335 = 1078.18, 1.35% off.
    expect(y?.usd.legacy).toEqual({ currency: 'HRK', eurRate: 7.5345, perUsd: 5.7466397 });
    expect(y?.usd.rate).toBeCloseTo(5.7466397 / 7.5345, 15); // 0.762710…, euro per USD in effect
    expect(y?.usd.core).toBeCloseTo((HRV_2014_EUR * 7.5345) / 5.7466397, 9);
    expect(Math.abs((y?.usd.core ?? 0) / 1063.80045942 - 1)).toBeLessThan(1e-7);
    expect(y?.usd).toMatchObject({ rateYear: 2014, carriedForward: false });
  });

  it('converts Croatia from its changeover year on at the euro’s rate', () => {
    // Prepare
    const reference = aReference([shipped('HRV')], RATES);
    const record = aRecord({ ally: 'HRV', year: 2023, gdp: 80000, core: { total: 1332.4151 } });

    // Act
    const y = computeCompliance([record], HAGUE_2025, reference).allies[0]?.years[0];

    // Assess: 1332.4151 ÷ 0.92457294 = 1441.1141 (NATO: 1441.11409521)
    expect(y?.usd.legacy).toBeUndefined();
    expect(y?.usd.rate).toBe(0.92457294);
    expect(y?.usd.core).toBeCloseTo(1332.4151 / 0.92457294, 9);
  });

  it('has no USD figure for a legacy year whose legacy rate is unknown, rather than the euro’s', () => {
    // Prepare: only the euro's rate for 2014
    const reference = aReference([shipped('HRV')], { 'EUR:2014': 0.75253335 });

    // Act
    const y = computeCompliance([aRecord({ ally: 'HRV', year: 2014 })], HAGUE_2025, reference).allies[0]?.years[0];

    // Assess
    expect(y?.usd).toMatchObject({ rate: null, core: null, carriedForward: false });
    expect(y?.reasons).toContain('no USD exchange rate for EUR in 2014 or any earlier year');
  });
});

describe('carried-forward and constant rates', () => {
  const deu = anAlly('DEU');
  const rates = { usdRate: (c: string, y: number) => ({ 'EUR:2023': 0.9, 'EUR:2024': 0.8 } as Record<string, number>)[`${c}:${y}`] ?? null, years: [2023, 2024, 2025, 2026] };

  it('carries the latest earlier rate forward and says from which year', () => {
    // Act
    const c = conversionFor(deu, 'EUR', 2026, rates);

    // Assess
    expect(c?.rateYear).toBe(2024);
    expect(c && toNumber(c.rate)).toBe(0.8);
  });

  it('carries no rate backwards', () => {
    // Act / Assess
    expect(conversionFor(deu, 'EUR', 2020, rates)).toBeNull();
  });

  it('takes the latest year with a rate for every ally as the constant basis', () => {
    // Prepare: CAD has a rate for 2023 only
    const can = anAlly('CAN', { currencies: [{ currency: 'CAD', from: 1949 }] });
    const withCad = { ...rates, usdRate: (c: string, y: number) => (c === 'CAD' ? (y === 2023 ? 1.35 : null) : rates.usdRate(c, y)) };

    // Act
    const both = constantRateYear([{ ally: deu, currency: 'EUR' }, { ally: can, currency: 'CAD' }], withCad);
    const euroOnly = constantRateYear([{ ally: deu, currency: 'EUR' }], withCad);
    const none = constantRateYear([{ ally: can, currency: 'CHF' }], withCad);

    // Assess
    expect([both, euroOnly, none]).toEqual([2023, 2024, null]);
  });
});
