import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { marketingEvents, sources } from '../../schema.js';
import { lockMarketingEvent } from './lock-marketing-event.js';

/**
 * An archived event leaves the list, and its source leaves the pickers with it (an event and its
 * source are one thing to the people using them); both stay on the records they brought.
 */
export const setMarketingEventArchived = defineAction({
  name: 'crm.setMarketingEventArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { id, archived }) {
    const before = await lockMarketingEvent(ctx.tx, id);
    const archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
    const [after] = await ctx.tx
      .update(marketingEvents)
      .set({ archivedAt })
      .where(eq(marketingEvents.id, id))
      .returning();
    await ctx.tx.update(sources).set({ archivedAt }).where(eq(sources.id, before.sourceId));
    ctx.audit({
      entity: 'marketingEvent',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
