import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { conflict } from '../../http/problem.js';
import { Id } from '../../http/schemas.js';
import { CompanyFields } from '../company-schemas.js';
import { companies } from '../schema.js';
import { assertCurrencyKnown, lockCompany } from './company-rules.js';

export const updateCompany = defineAction({
  name: 'platform.updateCompany',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(CompanyFields)).properties },
    { additionalProperties: false },
  ),
  permission: 'companies:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockCompany(ctx.tx, id);
    if (before.archivedAt) throw conflict(`Company "${before.name}" is archived; restore it before editing.`);
    if (changes.baseCurrency && changes.baseCurrency !== before.baseCurrency)
      await assertCurrencyKnown(ctx.tx, changes.baseCurrency);
    const [after] = await ctx.tx
      .update(companies)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(companies.id, id))
      .returning();
    ctx.audit({ entity: 'company', entityId: id, before, after });
    return after;
  },
});
