import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { notFound } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { fiscalPeriods } from '../schema.js';

/**
 * A closed period takes no postings (the database refuses them too) except from someone allowed
 * to post into closed periods; reopening lets everyone post there again. Both are audited.
 */
export const setFiscalPeriodClosed = defineAction({
  name: 'accounting.setFiscalPeriodClosed',
  input: Type.Object({ id: Id, closed: Type.Boolean() }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, closed }) {
    const [before] = await ctx.tx.select().from(fiscalPeriods).where(eq(fiscalPeriods.id, id)).for('update');
    if (!before) throw notFound('Fiscal period', id);
    const change = closed
      ? {
          closedAt: before.closedAt ?? new Date(),
          closedBy: before.closedAt ? before.closedBy : ctx.actor.userId,
        }
      : { closedAt: null, closedBy: null };
    const [after] = await ctx.tx
      .update(fiscalPeriods)
      .set(change)
      .where(eq(fiscalPeriods.id, id))
      .returning();
    ctx.audit({
      entity: 'fiscalPeriod',
      entityId: id,
      before: { closedAt: before.closedAt, closedBy: before.closedBy },
      after: { closedAt: after.closedAt, closedBy: after.closedBy },
    });
    return after;
  },
});
