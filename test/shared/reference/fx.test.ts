import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  ALLIES,
  FX_TABLE_ENV,
  FxTableSchema,
  ReferenceFileInvalidError,
  ReferenceFileUnreadableError,
  currentCurrency,
  loadFxTable,
  usdRate,
} from '../../../shared/reference/index.ts';
import type { FxTable } from '../../../shared/reference/index.ts';
import { tempDirs } from '../../helpers/temp.ts';

const temp = tempDirs('dualtrack-fx-');
const tempFile = (name: string, content: string): string => {
  const dir = temp.make();
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

const tinyTable = (rate: number): FxTable => ({
  description: 'test table',
  source: 'made up for a test',
  unit: 'national currency per USD, yearly average',
  rates: { EUR: { '2024': rate } },
});

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
    const table = loadFxTable(undefined, {});
    const years = Array.from({ length: 22 }, (_, i) => String(2014 + i));

    // Act
    const currencies = [...new Set(ALLIES.map((a) => currentCurrency(a.iso3) ?? '?'))];

    // Assess
    for (const currency of currencies) expect(Object.keys(table.rates[currency] ?? {}).sort()).toEqual(years);
  });

  it('counts one US dollar per US dollar in every year', () => {
    // Prepare
    const table = loadFxTable(undefined, {});

    // Act
    const rates = Object.values(table.rates.USD ?? {});

    // Assess
    expect(rates).toHaveLength(22);
    expect(rates.every((r) => r === 1)).toBe(true);
  });

  it('matches the rate implied by NATO\'s 2024 tables for Canada in 2014', () => {
    // Prepare: Table 1 CAN 2014 = 20075.960355 million CAD, Table 2 = 18172.4223826 million USD;
    // 20075.960355 / 18172.4223826 = 1.10474872 CAD per USD.
    const table = loadFxTable(undefined, {});

    // Act
    const rate = usdRate(table, 'CAD', 2014);

    // Assess
    expect(rate).toBeCloseTo(1.10474872, 6);
  });

  it('matches the rate implied by NATO\'s 2024 tables for Türkiye in 2024 and for the euro in 2020', () => {
    // Prepare: Table 1 TUR 2024e = 847856.038 million TRY, Table 2 = 22776.3821873 million USD
    // (37.2252288 TRY per USD); DEU 2020 = 51391.5012887 million EUR over 58652.1835688 million
    // USD (0.87620781 EUR per USD).
    const table = loadFxTable(undefined, {});

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
    const table = loadFxTable(undefined, {});

    // Act and Assess
    expect(usdRate(table, currency, year)).toBeNull();
  });
});

describe('loadFxTable', () => {
  it('reads the file an explicit path names instead of the shipped table', () => {
    // Prepare
    const file = tempFile('fx.json', JSON.stringify(tinyTable(0.5)));

    // Act
    const table = loadFxTable(file, {});

    // Assess
    expect(usdRate(table, 'EUR', 2024)).toBe(0.5);
    expect(usdRate(table, 'USD', 2024)).toBeNull();
  });

  it('reads the file DUALTRACK_FX_TABLE names when no path is given', () => {
    // Prepare
    const file = tempFile('fx.json', JSON.stringify(tinyTable(0.25)));

    // Act
    const table = loadFxTable(undefined, { [FX_TABLE_ENV]: file });

    // Assess
    expect(usdRate(table, 'EUR', 2024)).toBe(0.25);
  });

  it('reads the environment of the process by default', () => {
    // Prepare
    const file = tempFile('fx.json', JSON.stringify(tinyTable(0.125)));
    const before = process.env[FX_TABLE_ENV];
    process.env[FX_TABLE_ENV] = file;

    // Act
    let table: FxTable;
    try {
      table = loadFxTable();
    } finally {
      if (before === undefined) delete process.env[FX_TABLE_ENV];
      else process.env[FX_TABLE_ENV] = before;
    }

    // Assess
    expect(usdRate(table, 'EUR', 2024)).toBe(0.125);
  });

  it('rejects a table with a negative rate, naming the file and the field', () => {
    // Prepare
    const file = tempFile('bad.json', JSON.stringify(tinyTable(-1)));

    // Act
    const act = () => loadFxTable(file, {});

    // Assess
    expect(act).toThrow(ReferenceFileInvalidError);
    expect(act).toThrow(file);
    expect(act).toThrow('rates.EUR.2024');
  });

  it('rejects a table with the wrong unit, naming the file and the field', () => {
    // Prepare
    const file = tempFile('unit.json', JSON.stringify({ ...tinyTable(1), unit: 'USD per national currency' }));

    // Act
    const act = () => loadFxTable(file, {});

    // Assess
    expect(act).toThrow(ReferenceFileInvalidError);
    expect(act).toThrow(/unit\.json: unit: /);
  });

  it('reports a file that is not JSON or does not exist as unreadable, naming it', () => {
    // Prepare
    const garbled = tempFile('garbled.json', '{ not json');
    const missing = join(tmpdir(), 'dualtrack-fx-missing', 'none.json');

    // Act
    const readGarbled = () => loadFxTable(garbled, {});
    const readMissing = () => loadFxTable(missing, {});

    // Assess
    expect(readGarbled).toThrow(ReferenceFileUnreadableError);
    expect(readGarbled).toThrow(garbled);
    expect(readMissing).toThrow(ReferenceFileUnreadableError);
    expect(readMissing).toThrow(missing);
  });
});
