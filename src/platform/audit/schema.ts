import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, nowToTheMillisecond, tenantId } from '../db/columns.js';

/** Who did what to which record, with the values before and after. Append-only (a trigger refuses changes). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    tenantId: tenantId(),
    at: timestamp('at', { withTimezone: true }).notNull().default(nowToTheMillisecond),
    actorUserId: uuid('actor_user_id'),
    actorTokenId: uuid('actor_token_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: uuid('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.tenantId, t.entity, t.entityId),
    index('audit_log_at_idx').on(t.tenantId, t.at),
  ],
);
