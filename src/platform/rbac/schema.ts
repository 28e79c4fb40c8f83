import { boolean, foreignKey, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, id, tenantId, updatedAt } from '../db/columns.js';
import { memberships } from '../tenancy/schema.js';

/**
 * A named set of permission strings. Built-in roles carry a `key` and are seeded for every
 * tenant; custom roles are made in settings.
 */
export const roles = pgTable(
  'roles',
  {
    id: id(),
    tenantId: tenantId(),
    key: text('key'),
    name: text('name').notNull(),
    description: text('description'),
    permissions: text('permissions').array().notNull(),
    /** Sales reps and the like see only records where they are the responsible person. */
    ownRecordsOnly: boolean('own_records_only').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('roles_name_key').on(t.tenantId, t.name), unique('roles_key_key').on(t.tenantId, t.key)],
);

export const membershipRoles = pgTable(
  'membership_roles',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.roleId] }),
    foreignKey({
      name: 'membership_roles_membership_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [memberships.tenantId, memberships.userId],
    }),
  ],
);
