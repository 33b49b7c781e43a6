// Public surface of the reference data: the allies, their names and currencies, and the
// exchange-rate table.
export { ALLIES, ALLIES_FILE, allyByIso3, findAlly } from './allies.ts';
export { allyFinder, nameKey } from './names.ts';
export { currentCurrency, currencyInYear, legacyEuroRate, isEuroLegacyOf, euroChangeover } from './currency.ts';
export { ReferenceDataError, ReferenceFileUnreadableError, ReferenceFileInvalidError } from './errors.ts';
export { CurrencyPeriodSchema, AllyRefSchema, AlliesFileSchema, FxTableSchema, AllyGroup } from './types.ts';
export type { CurrencyPeriod, AllyRef, AlliesFile, FxTable } from './types.ts';
export { loadFxTable, usdRate, rateYears } from './fx.ts';
