import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from '../db/columns.js';

/**
 * Events written in the same transaction as the change they describe, so none is lost or
 * invented by a rollback. A job hands each to its subscribers after commit.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    tenantId: tenantId(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: createdAt(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.createdAt).where(sql`dispatched_at is null`)],
);

/** A POST retried with the same Idempotency-Key gets the first answer instead of running twice. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantId(),
    key: text('key').notNull(),
    action: text('action').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
