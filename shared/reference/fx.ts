// The yearly average exchange-rate table (national currency per USD). The project ships one;
// an operator replaces it with a file named by DUALTRACK_FX_TABLE, or a caller passes a path.
import { readFileSync } from 'node:fs';
import fxJson from './fx-rates.json' with { type: 'json' };
import { ReferenceFileUnreadableError } from './errors.ts';
import { parseReference } from './parse.ts';
import { FxTableSchema } from './types.ts';
import type { FxTable } from './types.ts';

const FX_TABLE_ENV = 'DUALTRACK_FX_TABLE';
const SHIPPED_FX_FILE = 'shared/reference/fx-rates.json';

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReferenceFileUnreadableError(file, error);
  }
};

/**
 * The table to use: `path` if given, else the file named by DUALTRACK_FX_TABLE, else the
 * shipped one (bundled as a module, so it travels with a Lambda bundle).
 */
const loadFxTable = (path?: string, env: NodeJS.ProcessEnv = process.env): FxTable => {
  const file = path ?? (env[FX_TABLE_ENV] || undefined);
  return file === undefined
    ? parseReference(FxTableSchema, fxJson, SHIPPED_FX_FILE)
    : parseReference(FxTableSchema, readJson(file), file);
};

/** Units of `currency` per USD in `year`; null when the table does not know it. */
const usdRate = (table: FxTable, currency: string, year: number): number | null =>
  table.rates[currency.trim().toUpperCase()]?.[String(year)] ?? null;

/** Every year the table has an entry for, in any currency (known or null), ascending. */
const rateYears = (table: FxTable): number[] =>
  [...new Set(Object.values(table.rates).flatMap((byYear) => Object.keys(byYear).map(Number)))].sort((a, b) => a - b);

export { loadFxTable, usdRate, rateYears, FX_TABLE_ENV };
