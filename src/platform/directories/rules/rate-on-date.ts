import { Decimal } from 'decimal.js';

export interface RateRow {
  baseCurrency: string;
  quoteCurrency: string;
  /** YYYY-MM-DD */
  validOn: string;
  /** How many units of quote one unit of base buys, as a decimal string. */
  rate: string;
}

export interface RateInForce {
  rate: string;
  /** The day of the rate used; null when no rate was needed (a currency against itself). */
  validOn: string | null;
  /** True when only the opposite pair was recorded and this is its reciprocal. */
  inverted: boolean;
}

/** Reciprocal rates are kept to the stored scale of a rate, rounded so that ties do not drift one way. */
const INVERTED_RATE_PLACES = 10;
// Enough digits that rounding the quotient to 10 places never meets a rounding of its own.
const Exact = Decimal.clone({ precision: 60 });

/** The row of one pair with the latest day on or before `on`; ISO dates order as text. */
function latestOnOrBefore(rows: RateRow[], base: string, quote: string, on: string): RateRow | undefined {
  let latest: RateRow | undefined;
  for (const row of rows) {
    if (row.baseCurrency !== base || row.quoteCurrency !== quote || row.validOn > on) continue;
    if (!latest || row.validOn > latest.validOn) latest = row;
  }
  return latest;
}

/**
 * The rate in force for base→quote on a day: the latest recorded on or before it. A pair
 * recorded only the other way round (EUR→BGN asked, BGN→EUR kept) is used as 1/rate.
 */
export function rateOnDate(
  rows: RateRow[],
  base: string,
  quote: string,
  on: string,
): RateInForce | undefined {
  if (base === quote) return { rate: '1', validOn: null, inverted: false };
  const direct = latestOnOrBefore(rows, base, quote, on);
  if (direct) return { rate: new Decimal(direct.rate).toFixed(), validOn: direct.validOn, inverted: false };
  const reverse = latestOnOrBefore(rows, quote, base, on);
  if (!reverse) return undefined;
  const reciprocal = new Exact(1)
    .div(reverse.rate)
    .toDecimalPlaces(INVERTED_RATE_PLACES, Decimal.ROUND_HALF_EVEN);
  return { rate: reciprocal.toFixed(), validOn: reverse.validOn, inverted: true };
}
