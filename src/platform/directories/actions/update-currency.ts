import { and, eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import type { Tx } from '../../db/database.js';
import { conflict } from '../../http/problem.js';
import { companies } from '../../tenancy/schema.js';
import { currencies } from '../schema.js';
import { CurrencyChanges, CurrencyCode } from '../schemas.js';
import { lockCurrency } from './directory-rules.js';

/** A company keeps its books in its base currency, so that currency cannot be switched off under it. */
async function refuseSwitchingOffBaseCurrency(tx: Tx, code: string) {
  const [company] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(and(eq(companies.baseCurrency, code), isNull(companies.archivedAt)))
    .limit(1);
  if (company)
    throw conflict(`${code} is the base currency of ${company.name}; it cannot be switched off.`, [
      { field: 'active', reason: `${code} is the base currency of ${company.name}` },
    ]);
}

/** Other records point at a currency by its code, so the code itself never changes. */
export const updateCurrency = defineAction({
  name: 'directories.updateCurrency',
  input: Type.Object(
    { code: CurrencyCode, ...Type.Partial(Type.Object(CurrencyChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'directories:manage',
  async run(ctx, { code, ...changes }) {
    const before = await lockCurrency(ctx.tx, code);
    if (changes.active === false && before.active) await refuseSwitchingOffBaseCurrency(ctx.tx, code);
    const [after] = await ctx.tx
      .update(currencies)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(currencies.id, before.id))
      .returning();
    ctx.audit({ entity: 'currency', entityId: before.id, before, after });
    return after;
  },
});
