import { describe, it, expect } from 'vitest';
import { parseUnitText, toMillions } from '../../../../shared/ingest/read/units.ts';
import { parseHeader } from '../../../../shared/ingest/read/headers.ts';
import { parseYearText, statusOf } from '../../../../shared/ingest/read/status.ts';

describe('unit phrases', () => {
  it.each([
    ['EUR million', 0, 'EUR'],
    ['millions d’euros', 0, 'EUR'],
    ['en milliers', -3, null],
    ['thousands of leva', -3, 'BGN'],
    ['bn', 3, null],
    ['milliards EUR', 3, 'EUR'],
    ['MEUR', 0, 'EUR'],
    ['kDKK', -3, 'DKK'],
    ['mn', 0, null],
    ['m', 0, null],
    ['k', -3, null],
    ['units', -6, null],
    ['£m', 0, 'GBP'],
    ['millions of Canadian dollars', 0, 'CAD'],
    ['HUF', null, 'HUF'],
  ] as const)('reads "%s" as scale %s and currency %s', (text, scale, currency) => {
    // Act
    const u = parseUnitText(text, true);

    // Assess
    expect([u.scale, u.currency, u.unknown]).toEqual([scale, currency, []]);
  });

  it('trusts short words in running text only beside a currency', () => {
    // Act / Assess
    expect(parseUnitText('Plan B for the budget', false).scale).toBeNull();
    expect(parseUnitText('Defence expenditure 2014-2024, EUR m', false)).toMatchObject({ scale: 0, currency: 'EUR' });
    expect(parseUnitText('All amounts in thousands', false).scale).toBe(-3);
  });

  it('notes words in a unit position it does not know', () => {
    // Act / Assess
    expect(parseUnitText('INR lakh', true)).toMatchObject({ currency: null, unknown: ['INR', 'lakh'] });
  });

  it('scales to millions by division, so thousands stay exact', () => {
    // Act / Assess
    expect([toMillions(1234.5, -3), toMillions(7_500_000, -6), toMillions(2.5, 3), toMillions(42, 0)]).toEqual([1.2345, 7.5, 2500, 42]);
  });
});

describe('header cells', () => {
  it.each([
    ['GDP (EUR bn)', 'gdp', false, 3, 'EUR'],
    ['GDP, EUR m', 'gdp', false, 0, 'EUR'],
    ['Defence expenditure in EUR million', 'core.total', false, 0, 'EUR'],
    ['Dépenses de défense en millions d’euros', 'core.total', false, 0, 'EUR'],
    ['Defence expenditure as % of GDP', 'core.total', true, null, null],
    ['Dépenses de défense (% du PIB)', 'core.total', true, null, null],
    ['O&M', 'core.operations', false, null, null],
    ['Major equipment incl. R&D (EUR million)', 'core.equipment', false, 0, 'EUR'],
  ] as const)('reads "%s"', (text, field, percent, scale, currency) => {
    // Act
    const h = parseHeader(text, null);

    // Assess
    expect([h?.field, h?.percent, h?.unit?.scale ?? null, h?.unit?.currency ?? null]).toEqual([field, percent, scale, currency]);
  });

  it('ignores remarks in brackets that are not units', () => {
    // Act
    const h = parseHeader('Personnel (incl. pensions)', null);

    // Assess
    expect([h?.field, h?.unit, h?.unknownUnit]).toEqual(['core.personnel', null, null]);
  });

  it('names no field for headers it does not know', () => {
    // Act / Assess
    expect([parseHeader('Chart label', null), parseHeader('2024', null), parseHeader('Other', null)]).toEqual([null, null, null]);
  });
});

describe('years and statuses', () => {
  it.each([
    ['2024', 2024, null],
    ['2024e', 2024, 'estimate'],
    ['2024 (est.)', 2024, 'estimate'],
    ['2027 plan', 2027, 'plan'],
    ['2023*', 2023, null],
    ['2024/25', 2024, null],
    ['2024-2025', 2024, null],
    ['FY2024-25', 2024, null],
    ['FY 2023', 2023, null],
    ['1999/00', 1999, null],
  ] as const)('reads the year "%s"', (text, year, status) => {
    // Act / Assess
    expect(parseYearText(text)).toEqual({ year, status });
  });

  it('refuses text that only starts like a year', () => {
    // Act / Assess
    expect([parseYearText('2024 was a good year'), parseYearText('FY24'), parseYearText('20245'), parseYearText('2014-2024')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it.each([
    ['Actual', 'actual'],
    ['outturn', 'actual'],
    ['Réalisé', 'actual'],
    ['exécuté', 'actual'],
    ['Estimate', 'estimate'],
    ['estimé', 'estimate'],
    ['Prévision', 'estimate'],
    ['Plan', 'plan'],
    ['planned', 'plan'],
    ['Budget', 'plan'],
    ['programmation', 'plan'],
    ['prévu', 'plan'],
  ] as const)('reads the status "%s" as %s', (text, status) => {
    // Act / Assess
    expect(statusOf(text)).toBe(status);
  });
});
