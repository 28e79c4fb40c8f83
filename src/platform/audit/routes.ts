import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { Id, Nullable, Timestamp } from '../http/schemas.js';
import { requirePermission } from '../rbac/require-permission.js';
import { users } from '../tenancy/schema.js';
import { auditLog } from './schema.js';

const AuditRow = Type.Object({
  id: Id,
  at: Timestamp,
  actorUserId: Nullable(Id),
  actorName: Nullable(Type.String()),
  actorTokenId: Nullable(Id),
  action: Type.String(),
  entity: Nullable(Type.String()),
  entityId: Nullable(Id),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export function auditRoutes(api: Api) {
  api.get(
    '/audit-log',
    {
      preHandler: requirePermission('audit:read'),
      schema: {
        tags: ['Audit'],
        summary: 'Who changed what, newest first',
        querystring: listQuery(['at'], {
          entity: Type.Optional(Type.String({ maxLength: 100 })),
          entityId: Type.Optional(Id),
          action: Type.Optional(Type.String({ maxLength: 100 })),
          actorUserId: Type.Optional(Id),
        }),
        response: { 200: pageOf(AuditRow) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(req.query, { at: auditLog.at }, '-at', auditLog.id, (where, orderBy, limit) =>
          tx
            .select({
              id: auditLog.id,
              at: auditLog.at,
              actorUserId: auditLog.actorUserId,
              actorName: users.name,
              actorTokenId: auditLog.actorTokenId,
              action: auditLog.action,
              entity: auditLog.entity,
              entityId: auditLog.entityId,
              before: auditLog.before,
              after: auditLog.after,
            })
            .from(auditLog)
            .leftJoin(users, eq(users.id, auditLog.actorUserId))
            .where(
              whereAll([
                where,
                req.query.entity ? eq(auditLog.entity, req.query.entity) : undefined,
                req.query.entityId ? eq(auditLog.entityId, req.query.entityId) : undefined,
                req.query.action ? eq(auditLog.action, req.query.action) : undefined,
                req.query.actorUserId ? eq(auditLog.actorUserId, req.query.actorUserId) : undefined,
              ]),
            )
            .orderBy(...orderBy)
            .limit(limit),
        ),
      ),
  );
}
