import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { currencyPrecision, currencySymbol } from '../iso-lists.js';
import { currencies } from '../schema.js';
import { CurrencyFields } from '../schemas.js';
import { refuseTaken } from './directory-rules.js';

/** Adds a currency; its symbol and decimal places default to what ISO 4217 says for the code. */
export const createCurrency = defineAction({
  name: 'directories.createCurrency',
  input: Type.Object(CurrencyFields, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, input) {
    await refuseTaken(
      ctx.tx,
      currencies,
      eq(currencies.code, input.code),
      'code',
      `Currency ${input.code} is already in the list.`,
    );
    const [currency] = await ctx.tx
      .insert(currencies)
      .values({
        tenantId: ctx.tenantId,
        symbol: currencySymbol(input.code),
        precision: currencyPrecision(input.code),
        ...input,
      })
      .returning();
    ctx.audit({ entity: 'currency', entityId: currency.id, after: currency });
    return currency;
  },
});
