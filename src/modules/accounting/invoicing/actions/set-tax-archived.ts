import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { taxes } from '../schema.js';

/** An archived tax stays on the invoices that used it; new lines cannot name it. */
export const setTaxArchived = defineAction({
  name: 'accounting.setTaxArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, archived }) {
    const [before] = await ctx.tx.select().from(taxes).where(eq(taxes.id, id)).for('update');
    if (!before) throw notFound('Tax', id);
    const [after] = await ctx.tx
      .update(taxes)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(taxes.id, id))
      .returning();
    ctx.audit({
      entity: 'tax',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
