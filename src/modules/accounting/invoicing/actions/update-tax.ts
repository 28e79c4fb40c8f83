import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { taxes } from '../schema.js';
import { TaxFields } from '../schemas.js';
import { checkTax } from '../tax-checks.js';

const { companyId: _company, ...Changes } = TaxFields;

/** Drafts keep the rate they were computed with until they are saved again; posted invoices keep theirs. */
export const updateTax = defineAction({
  name: 'accounting.updateTax',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(Changes)).properties },
    { additionalProperties: false },
  ),
  permission: 'accounting:manage',
  async run(ctx, { id, ...changes }) {
    const [before] = await ctx.tx.select().from(taxes).where(eq(taxes.id, id)).for('update');
    if (!before) throw notFound('Tax', id);
    await checkTax(ctx.tx, { ...changes, companyId: before.companyId });
    const [after] = await ctx.tx.update(taxes).set(changes).where(eq(taxes.id, id)).returning();
    ctx.audit({ entity: 'tax', entityId: id, before, after });
    return after;
  },
});
