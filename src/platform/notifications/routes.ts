import { and, eq, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { Id, IdParams, Nullable, Timestamp } from '../http/schemas.js';
import { markAllNotificationsRead } from './actions/mark-all-notifications-read.js';
import { markNotificationRead } from './actions/mark-notification-read.js';
import { NO_USER } from './notify.js';
import { notifications } from './schema.js';

const tags = ['Notifications'];
const Notification = Type.Object({
  id: Id,
  kind: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  link: Nullable(Type.String()),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});
const columns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

/** A person's own inbox: nobody lists or reads another person's notifications, whatever their role. */
export function notificationRoutes(api: Api) {
  // A token acts for the person who made it; the system has no inbox.
  const mine = (actor: { userId: string | null }) => eq(notifications.userId, actor.userId ?? NO_USER);

  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first',
        querystring: listQuery(['createdAt'], {
          unread: Type.Optional(Type.Boolean({ description: 'Only unread (true) or only read (false)' })),
        }),
        response: { 200: pageOf(Notification) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { createdAt: notifications.createdAt },
          '-createdAt',
          notifications.id,
          (where, orderBy, limit) =>
            tx
              .select(columns)
              .from(notifications)
              .where(
                whereAll([
                  where,
                  mine(req.actor),
                  req.query.unread === undefined
                    ? undefined
                    : req.query.unread
                      ? isNull(notifications.readAt)
                      : sql`${notifications.readAt} is not null`,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of your notifications are unread (for the inbox badge)',
        response: { 200: Type.Object({ unread: Type.Integer() }) },
      },
    },
    async (req) => {
      const [row] = await req.read((tx) =>
        tx
          .select({ unread: sql<number>`count(*)::int` })
          .from(notifications)
          .where(and(mine(req.actor), isNull(notifications.readAt))),
      );
      return { unread: row.unread };
    },
  );

  api.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: IdParams,
        response: { 200: Notification },
      },
    },
    (req) => req.run(markNotificationRead, { id: req.params.id }),
  );

  api.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: Type.Object({ markedRead: Type.Integer() }) },
      },
    },
    (req) => req.run(markAllNotificationsRead, {}),
  );
}
