import { Decimal } from 'decimal.js';
import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { invalidField } from '../../http/problem.js';
import { exchangeRates } from '../schema.js';
import { ExchangeRateFields } from '../schemas.js';
import { assertCurrencyListed } from './directory-rules.js';

/**
 * Records the rate of a pair for a day. A pair has one rate a day: recording it again
 * corrects the day's rate, and the audit log keeps the one it replaced.
 */
export const recordExchangeRate = defineAction({
  name: 'directories.recordExchangeRate',
  input: Type.Object(ExchangeRateFields, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, input) {
    const { baseCurrency, quoteCurrency, validOn, rate } = input;
    if (baseCurrency === quoteCurrency)
      throw invalidField(
        'quoteCurrency',
        `must differ from baseCurrency: ${baseCurrency} to itself is always 1`,
      );
    if (new Decimal(rate).lte(0)) throw invalidField('rate', 'must be greater than 0');
    await assertCurrencyListed(ctx.tx, baseCurrency, 'baseCurrency');
    await assertCurrencyListed(ctx.tx, quoteCurrency, 'quoteCurrency');

    const pairOnDay = and(
      eq(exchangeRates.baseCurrency, baseCurrency),
      eq(exchangeRates.quoteCurrency, quoteCurrency),
      eq(exchangeRates.validOn, validOn),
    );
    const [before] = await ctx.tx.select().from(exchangeRates).where(pairOnDay).for('update');
    // An upsert rather than insert-or-update: two clerks recording the same day at once both succeed.
    const [after] = await ctx.tx
      .insert(exchangeRates)
      .values({ tenantId: ctx.tenantId, ...input })
      .onConflictDoUpdate({
        target: [
          exchangeRates.tenantId,
          exchangeRates.baseCurrency,
          exchangeRates.quoteCurrency,
          exchangeRates.validOn,
        ],
        set: { rate },
      })
      .returning();
    ctx.audit({ entity: 'exchangeRate', entityId: after.id, before: before ?? null, after });
    return { rate: after, replaced: Boolean(before) };
  },
});
