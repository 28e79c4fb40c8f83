import { Decimal } from 'decimal.js';

export interface DatedAmount {
  amount: string;
  currency: string;
  /** YYYY-MM-DD: the rate of this day applies. */
  on: string;
}

/** The rate that turns one unit of `currency` into the target on a day, or undefined when none is recorded. */
export type RateLookup = (currency: string, on: string) => string | undefined;

export interface ConvertedTotal {
  total: string;
  /** Amounts that could not be converted for want of a rate, left out of the total. */
  unconverted: { currency: string; on: string; amount: string }[];
}

/**
 * Adds amounts in several currencies in one target currency, each at its own day's rate. The
 * sum is exact; only the final total is rounded, half to even, to the target's minor units.
 */
export function convertTotal(
  amounts: DatedAmount[],
  targetPrecision: number,
  rateOf: RateLookup,
): ConvertedTotal {
  let total = new Decimal(0);
  const unconverted: ConvertedTotal['unconverted'] = [];
  for (const a of amounts) {
    const rate = rateOf(a.currency, a.on);
    if (rate === undefined) {
      unconverted.push({ currency: a.currency, on: a.on, amount: a.amount });
      continue;
    }
    total = total.plus(new Decimal(a.amount).times(rate));
  }
  return {
    total: total.toDecimalPlaces(targetPrecision, Decimal.ROUND_HALF_EVEN).toFixed(targetPrecision),
    unconverted,
  };
}
