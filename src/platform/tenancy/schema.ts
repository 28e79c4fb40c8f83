import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, id, tenantId, updatedAt } from '../db/columns.js';
import type { Address } from '../directories/address.js';
import { currencies } from '../directories/schema.js';

/** One customer's isolated workspace. Global: it is what tenant ids point at. */
export const tenants = pgTable('tenants', {
  id: id(),
  name: text('name').notNull(),
  createdAt: createdAt(),
  archivedAt: archivedAt(),
});

/** People who log in. Global: one person may work in several tenants. */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    createdAt: createdAt(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/** A user's place in a tenant. Roles hang off it in membership_roles. */
export const memberships = pgTable(
  'memberships',
  {
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/** The tenant's own legal entities: each keeps its own books. */
export const companies = pgTable(
  'companies',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    taxId: text('tax_id'),
    baseCurrency: text('base_currency').notNull(),
    address: jsonb('address').$type<Address>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('companies_name_key').on(t.tenantId, t.name),
    foreignKey({
      name: 'companies_base_currency_fk',
      columns: [t.tenantId, t.baseCurrency],
      foreignColumns: [currencies.tenantId, currencies.code],
    }).onDelete('restrict'),
  ],
);

/** Which modules a tenant has switched off. A missing row means the module's default (on). */
export const moduleSwitches = pgTable(
  'module_switches',
  {
    tenantId: tenantId(),
    moduleKey: text('module_key').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.moduleKey] })],
);
