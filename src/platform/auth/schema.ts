import { index, inet, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from '../db/columns.js';
import { users } from '../tenancy/schema.js';

/**
 * Browser sessions. The cookie holds an opaque token; only its SHA-256 is stored, so a copy of
 * the database cannot be used to log in. Global: a session is checked before the tenant is known.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The tenant the user works in now; named apart from tenant_id because sessions are global. */
    activeTenantId: uuid('active_tenant_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Bearer tokens for integrations: each acts with one role of its tenant. */
export const apiTokens = pgTable('api_tokens', {
  id: id(),
  tenantId: tenantId(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** The first characters, shown in lists so a person can tell tokens apart. */
  prefix: text('prefix').notNull(),
  roleId: uuid('role_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const invitations = pgTable('invitations', {
  id: id(),
  tenantId: tenantId(),
  email: text('email').notNull(),
  roleIds: uuid('role_ids').array().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: uuid('invited_by').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
