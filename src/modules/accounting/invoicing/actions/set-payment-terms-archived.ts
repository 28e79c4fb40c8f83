import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { paymentTerms } from '../schema.js';

export const setPaymentTermsArchived = defineAction({
  name: 'accounting.setPaymentTermsArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, archived }) {
    const [before] = await ctx.tx.select().from(paymentTerms).where(eq(paymentTerms.id, id)).for('update');
    if (!before) throw notFound('Payment terms', id);
    const [after] = await ctx.tx
      .update(paymentTerms)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(paymentTerms.id, id))
      .returning();
    ctx.audit({
      entity: 'paymentTerms',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
