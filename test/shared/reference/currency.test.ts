import { describe, it, expect } from 'vitest';
import {
  currencyInYear,
  currentCurrency,
  euroChangeover,
  isEuroLegacyOf,
  legacyEuroRate,
} from '../../../shared/reference/index.ts';

describe('currencyInYear', () => {
  it.each([
    ['BEL', 1998, 'BEF', 1999],
    ['DEU', 1998, 'DEM', 1999],
    ['FIN', 1998, 'FIM', 1999],
    ['GRC', 2000, 'GRD', 2001],
    ['SVN', 2006, 'SIT', 2007],
    ['SVK', 2008, 'SKK', 2009],
    ['EST', 2010, 'EEK', 2011],
    ['LVA', 2013, 'LVL', 2014],
    ['LTU', 2014, 'LTL', 2015],
    ['HRV', 2022, 'HRK', 2023],
    ['BGR', 2025, 'BGN', 2026],
  ])('gives %s %i in %s and the next year, %i, in EUR', (iso3, lastYear, legacy, firstEuroYear) => {
    // Act
    const before = currencyInYear(iso3, lastYear);
    const after = currencyInYear(iso3, firstEuroYear);

    // Assess
    expect(before).toBe(legacy);
    expect(after).toBe('EUR');
  });

  it('keeps the currency of today for every later year', () => {
    // Act
    const far = currencyInYear('LTU', 2035);

    // Assess
    expect(far).toBe('EUR');
  });

  it('returns null before an ally\'s recorded history and for an unknown ally', () => {
    // Act
    const early = currencyInYear('MNE', 2000);
    const unknown = currencyInYear('AUT', 2020);

    // Assess
    expect(early).toBeNull();
    expect(unknown).toBeNull();
  });

  it('gives Romania the new leu from its 2005 redenomination', () => {
    // Act and Assess
    expect(currencyInYear('ROU', 2004)).toBe('ROL');
    expect(currencyInYear('ROU', 2005)).toBe('RON');
  });
});

describe('currentCurrency', () => {
  it.each([
    ['BGR', 'EUR'],
    ['HRV', 'EUR'],
    ['MNE', 'EUR'],
    ['CZE', 'CZK'],
    ['TUR', 'TRY'],
    ['ISL', 'ISK'],
    ['USA', 'USD'],
  ])('gives %s today in %s', (iso3, currency) => {
    // Act and Assess
    expect(currentCurrency(iso3)).toBe(currency);
  });

  it('returns null for an unknown ally', () => {
    // Act and Assess
    expect(currentCurrency('AUT')).toBeNull();
  });
});

describe('legacyEuroRate', () => {
  it.each([
    ['EEK', 15.6466],
    ['LVL', 0.702804],
    ['LTL', 3.4528],
    ['SKK', 30.126],
    ['SIT', 239.64],
    ['HRK', 7.5345],
    ['BGN', 1.95583],
    ['DEM', 1.95583],
    ['FRF', 6.55957],
    ['ITL', 1936.27],
    ['ESP', 166.386],
    ['NLG', 2.20371],
    ['BEF', 40.3399],
    ['LUF', 40.3399],
    ['PTE', 200.482],
    ['FIM', 5.94573],
    ['GRD', 340.75],
  ])('gives %s at its irrevocable rate of %s per EUR', (currency, rate) => {
    // Act and Assess
    expect(legacyEuroRate(currency)).toBe(rate);
  });

  it.each(['EUR', 'USD', 'CZK', 'ROL', 'XYZ'])('returns null for %s, which the euro did not replace', (currency) => {
    // Act and Assess
    expect(legacyEuroRate(currency)).toBeNull();
  });
});

describe('isEuroLegacyOf', () => {
  it('accepts an ally\'s own legacy currency and refuses another ally\'s', () => {
    // Act and Assess
    expect(isEuroLegacyOf('LTU', 'LTL')).toBe(true);
    expect(isEuroLegacyOf('LTU', 'ltl')).toBe(true);
    expect(isEuroLegacyOf('LVA', 'LTL')).toBe(false);
    expect(isEuroLegacyOf('LTU', 'EUR')).toBe(false);
    expect(isEuroLegacyOf('MNE', 'DEM')).toBe(false);
  });
});

describe('euroChangeover', () => {
  it('gives the date and rate of an ally\'s changeover, and null for Montenegro, which never had one', () => {
    // Act
    const bulgaria = euroChangeover('BGR');
    const montenegro = euroChangeover('MNE');

    // Assess
    expect(bulgaria).toEqual({ currency: 'BGN', date: '2026-01-01', eurRate: 1.95583 });
    expect(montenegro).toBeNull();
  });
});
