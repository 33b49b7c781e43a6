// The yearly average exchange-rate table (national currency per USD). The project ships one;
// an operator replaces it without a deploy through the configuration loader (shared/config:
// `config put fx`, or `process --fx FILE`), which checks a replacement with the same schema.
import fxJson from './fx-rates.json' with { type: 'json' };
import { parseReference } from './parse.ts';
import { FxTableSchema } from './types.ts';
import type { FxTable } from './types.ts';

const SHIPPED_FX_FILE = 'shared/reference/fx-rates.json';

/** The shipped table (bundled as a module, so it travels with a Lambda bundle). */
const loadFxTable = (): FxTable => parseReference(FxTableSchema, fxJson, SHIPPED_FX_FILE);

/** Units of `currency` per USD in `year`; null when the table does not know it. */
const usdRate = (table: FxTable, currency: string, year: number): number | null =>
  table.rates[currency.trim().toUpperCase()]?.[String(year)] ?? null;

/** Every year the table has an entry for, in any currency (known or null), ascending. */
const rateYears = (table: FxTable): number[] =>
  [...new Set(Object.values(table.rates).flatMap((byYear) => Object.keys(byYear).map(Number)))].sort((a, b) => a - b);

export { loadFxTable, usdRate, rateYears };
