import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  ALLIES,
  FxTableSchema,
  currentCurrency,
  loadFxTable,
  usdRate,
} from '../../../shared/reference/index.ts';
describe('the shipped exchange-rate table', () => {
  it('validates against its schema', () => {
    // Prepare
    const raw: unknown = JSON.parse(readFileSync(new URL('../../../shared/reference/fx-rates.json', import.meta.url), 'utf8'));

    // Act
    const result = FxTableSchema.safeParse(raw);

    // Assess
    expect(result.success).toBe(true);
  });

  it('has a row for the currency of today of every ally, with every year from 2014 to 2035 as a key', () => {
    // Prepare
    const table = loadFxTable();
    const years = Array.from({ length: 22 }, (_, i) => String(2014 + i));

    // Act
    const currencies = [...new Set(ALLIES.map((a) => currentCurrency(a.iso3) ?? '?'))];

    // Assess
    for (const currency of currencies) expect(Object.keys(table.rates[currency] ?? {}).sort()).toEqual(years);
  });

  it('counts one US dollar per US dollar in every year', () => {
    // Prepare
    const table = loadFxTable();

    // Act
    const rates = Object.values(table.rates.USD ?? {});

    // Assess
    expect(rates).toHaveLength(22);
    expect(rates.every((r) => r === 1)).toBe(true);
  });

  it('matches the rate implied by NATO\'s 2024 tables for Canada in 2014', () => {
    // Prepare: Table 1 CAN 2014 = 20075.960355 million CAD, Table 2 = 18172.4223826 million USD;
    // 20075.960355 / 18172.4223826 = 1.10474872 CAD per USD.
    const table = loadFxTable();

    // Act
    const rate = usdRate(table, 'CAD', 2014);

    // Assess
    expect(rate).toBeCloseTo(1.10474872, 6);
  });

  it('matches the rate implied by NATO\'s 2024 tables for Türkiye in 2024 and for the euro in 2020', () => {
    // Prepare: Table 1 TUR 2024e = 847856.038 million TRY, Table 2 = 22776.3821873 million USD
    // (37.2252288 TRY per USD); DEU 2020 = 51391.5012887 million EUR over 58652.1835688 million
    // USD (0.87620781 EUR per USD).
    const table = loadFxTable();

    // Act
    const lira = usdRate(table, 'TRY', 2024);
    const euro = usdRate(table, 'EUR', 2020);

    // Assess
    expect(lira).toBeCloseTo(37.2252288, 5);
    expect(euro).toBeCloseTo(0.87620781, 7);
  });

  it.each([
    ['ISK', 2020],
    ['EUR', 2025],
    ['CAD', 2035],
    ['XYZ', 2020],
    ['EUR', 2013],
  ])('knows no rate for %s in %i', (currency, year) => {
    // Prepare
    const table = loadFxTable();

    // Act and Assess
    expect(usdRate(table, currency, year)).toBeNull();
  });
});
