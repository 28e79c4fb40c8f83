import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { notFound } from '../../http/problem.js';
import { Id } from '../../http/schemas.js';
import { NO_USER } from '../notify.js';
import { notifications } from '../schema.js';

/** A person reads their own notifications only; anyone else's answers 404 as if it did not exist. */
export const markNotificationRead = defineAction({
  name: 'notifications.markRead',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: null,
  async run(ctx, { id }) {
    const own = and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId ?? NO_USER));
    const [before] = await ctx.tx.select().from(notifications).where(own).for('update');
    if (!before) throw notFound('Notification', id);
    if (before.readAt) return before;
    const [after] = await ctx.tx.update(notifications).set({ readAt: new Date() }).where(own).returning();
    ctx.audit({
      entity: 'notification',
      entityId: id,
      before: { readAt: null },
      after: { readAt: after.readAt },
    });
    return after;
  },
});
