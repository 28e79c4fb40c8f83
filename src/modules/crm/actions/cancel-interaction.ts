import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { interactions } from '../schema.js';
import { interactionEvent, lockVisibleInteraction } from './interaction-rules.js';

/** A planned interaction that will not happen; it stays in the client's history, and no longer reminds. */
export const cancelInteraction = defineAction({
  name: 'crm.cancelInteraction',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { id }) {
    const before = await lockVisibleInteraction(ctx.tx, ctx.actor, id, 'cancel');
    const [after] = await ctx.tx
      .update(interactions)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(interactions.id, id))
      .returning();
    ctx.audit({
      entity: 'interaction',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
    });
    ctx.emit('crm.interactionCancelled', interactionEvent(after));
    return after;
  },
});
