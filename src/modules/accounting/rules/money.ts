import { Decimal } from 'decimal.js';
import { RuleError } from './rule-error.js';

/**
 * Sums and products of amounts, rates and percents stay exact at 40 significant digits; only a
 * division (a price that includes its tax) is cut, far below any currency's smallest unit.
 */
export const Exact = Decimal.clone({ precision: 40 });

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** A decimal string as a Decimal, or a RuleError naming the field that is not one. */
export function decimalOf(value: string, field: string): Decimal {
  if (typeof value !== 'string' || !DECIMAL_STRING.test(value))
    throw new RuleError(field, `${field} must be a decimal number such as "12.50", not "${value}".`);
  return new Exact(value);
}

/** Currencies keep 0 (JPY) to 4 places; more is a mistake in the currency's settings. */
export function checkPrecision(precision: number, field = 'precision'): void {
  if (!Number.isInteger(precision) || precision < 0 || precision > 8)
    throw new RuleError(
      field,
      `The currency precision must be a whole number of places from 0 to 8, not ${precision}.`,
    );
}

/**
 * Rounds to the currency's places, a half away from zero: decimal.js's ROUND_HALF_UP is
 * symmetric, so a credit note's -0.005 becomes -0.01 just as an invoice's 0.005 becomes 0.01.
 */
export function roundMoney(value: Decimal, precision: number): Decimal {
  return value.toDecimalPlaces(precision, Decimal.ROUND_HALF_UP);
}

/** The amount as the string stored and shown: rounded, with exactly `precision` places. */
export function formatMoney(value: Decimal, precision: number): string {
  const rounded = roundMoney(value, precision);
  // -0.004 rounds to a negative zero; nobody wants to read "-0.00".
  return (rounded.isZero() ? new Exact(0) : rounded).toFixed(precision);
}
