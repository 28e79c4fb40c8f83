import { and, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { invalidField } from '../http/problem.js';
import { type ConversionRow, type Converted, convertQuantity } from './rules/convert-quantity.js';
import { type RateInForce, rateOnDate } from './rules/rate-on-date.js';
import { exchangeRates, unitConversions, units } from './schema.js';

async function latestRate(tx: Executor, base: string, quote: string, on: string) {
  return tx
    .select({
      baseCurrency: exchangeRates.baseCurrency,
      quoteCurrency: exchangeRates.quoteCurrency,
      validOn: exchangeRates.validOn,
      rate: exchangeRates.rate,
    })
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.baseCurrency, base),
        eq(exchangeRates.quoteCurrency, quote),
        lte(exchangeRates.validOn, on),
      ),
    )
    .orderBy(desc(exchangeRates.validOn))
    .limit(1);
}

/** The rate of base→quote in force on a day (YYYY-MM-DD), read in the current tenant. */
export async function findRateInForce(
  tx: Executor,
  base: string,
  quote: string,
  on: string,
): Promise<RateInForce | undefined> {
  if (base === quote) return rateOnDate([], base, quote, on);
  const candidates = [...(await latestRate(tx, base, quote, on)), ...(await latestRate(tx, quote, base, on))];
  return rateOnDate(candidates, base, quote, on);
}

/**
 * A quantity converted between two units of the current tenant, rounded to the target unit's
 * places. Unknown units are refused as the fields `from` and `to`.
 */
export async function convertBetweenUnits(
  tx: Executor,
  quantity: string,
  from: string,
  to: string,
): Promise<Converted> {
  const [source] = await tx.select({ code: units.code }).from(units).where(eq(units.code, from));
  if (!source) throw invalidField('from', `"${from}" is not in the unit list`);
  const [target] = await tx.select({ precision: units.precision }).from(units).where(eq(units.code, to));
  if (!target) throw invalidField('to', `"${to}" is not in the unit list`);
  // A tenant keeps tens of conversions, not thousands: reading them all is one small query.
  const rows: ConversionRow[] = await tx
    .select({
      fromUnit: unitConversions.fromUnit,
      toUnit: unitConversions.toUnit,
      factor: unitConversions.factor,
    })
    .from(unitConversions);
  return convertQuantity(rows, { quantity, from, to, toPrecision: target.precision });
}
