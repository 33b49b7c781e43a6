import { describe, it, expect } from 'vitest';
import { parseUnitText, toMillions } from '../../../../shared/ingest/read/units.ts';

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
