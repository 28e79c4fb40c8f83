import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { segments } from '../../schema.js';

export const setSegmentArchived = defineAction({
  name: 'crm.setSegmentArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { id, archived }) {
    const [before] = await ctx.tx.select().from(segments).where(eq(segments.id, id)).for('update');
    if (!before) throw notFound('Segment', id);
    const [after] = await ctx.tx
      .update(segments)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(segments.id, id))
      .returning();
    ctx.audit({
      entity: 'segment',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
