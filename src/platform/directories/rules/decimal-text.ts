import { Decimal } from 'decimal.js';

/**
 * A decimal as the API shows it: plain notation, no insignificant zeros. The database pads
 * `numeric` columns to their scale ("1.9558300000"); nobody reading a rate wants the padding.
 */
export function decimalText(value: Decimal.Value): string {
  return new Decimal(value).toFixed();
}
