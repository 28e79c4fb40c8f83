import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { analyticDimensions } from '../schema.js';
import { lockDimension } from './update-analytic-dimension.js';

/** An archived cost centre, project or department stays on the lines it tagged; new lines cannot name it. */
export const setAnalyticDimensionArchived = defineAction({
  name: 'accounting.setAnalyticDimensionArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, archived }) {
    const before = await lockDimension(ctx.tx, id);
    const [after] = await ctx.tx
      .update(analyticDimensions)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(analyticDimensions.id, id))
      .returning();
    ctx.audit({
      entity: 'analyticDimension',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
