/** What other modules use of the reference data: code shapes, the rate in force, unit conversion. */
export { convertBetweenUnits, findRateInForce } from './queries.js';
export { type ConversionRow, type Converted, convertQuantity } from './rules/convert-quantity.js';
export { decimalText } from './rules/decimal-text.js';
export { type RateInForce, type RateRow, rateOnDate } from './rules/rate-on-date.js';
export { CountryCode, CurrencyCode, UnitCode } from './schemas.js';
