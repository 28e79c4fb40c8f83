import { and, eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { NO_USER } from '../notify.js';
import { notifications } from '../schema.js';

/** Clears the actor's inbox at once; says how many were unread. */
export const markAllNotificationsRead = defineAction({
  name: 'notifications.markAllRead',
  input: Type.Object({}, { additionalProperties: false }),
  permission: null,
  async run(ctx) {
    const read = await ctx.tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, ctx.actor.userId ?? NO_USER), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    ctx.audit({ entity: 'notification', after: { markedRead: read.length } });
    return { markedRead: read.length };
  },
});
