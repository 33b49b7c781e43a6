// What one value of a submission may be: an ally's code, a currency, a year, an amount. The
// record schema, the template's marker and the reference data all build on these.
import * as z from 'zod';

const Iso3Schema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code in capitals');
const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals');
const YearSchema = z.number().int().min(1949).max(2100);
/** An amount in millions of national currency; never negative, never NaN. */
const AmountSchema = z.number().finite().nonnegative();

export { Iso3Schema, CurrencySchema, YearSchema, AmountSchema };
