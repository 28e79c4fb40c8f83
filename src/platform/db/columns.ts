import { sql } from 'drizzle-orm';
import { numeric, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** UUIDv7 made in the application: PostgreSQL 15 has no uuidv7(), and time-ordered ids index well. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const tenantId = () => uuid('tenant_id').notNull();

/**
 * Stored to the millisecond: JavaScript dates (and so list cursors) hold milliseconds, and a
 * microsecond the cursor cannot carry would make keyset pages skip or repeat rows.
 */
export const nowToTheMillisecond = sql`date_trunc('milliseconds', now())`;
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().default(nowToTheMillisecond);
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().default(nowToTheMillisecond);
/** Things with history are archived, never deleted. */
export const archivedAt = () => timestamp('archived_at', { withTimezone: true });

/** Money: numeric(19,4), rounded to the currency's precision by the code that computes it. */
export const money = (name: string) => numeric(name, { precision: 19, scale: 4 });
/** Quantities: numeric(20,6). */
export const quantity = (name: string) => numeric(name, { precision: 20, scale: 6 });

export { uuidv7 as newId };
