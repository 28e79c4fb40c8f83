import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, id, tenantId, updatedAt } from '../../platform/db/columns.js';
import type { Address } from '../../platform/directories/address.js';

/** A relationship with a buyer: a person, a shop, a holding. Every CRM analysis is by client. */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** `organization` or `person`. */
    kind: text('kind').notNull().default('organization'),
    /** Lower-cased, punctuation-free name for duplicate search. */
    nameKey: text('name_key').notNull(),
    email: text('email'),
    /** E.164. */
    phone: text('phone'),
    website: text('website'),
    industryId: uuid('industry_id'),
    responsibleUserId: uuid('responsible_user_id').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    address: jsonb('address').$type<Address>(),
    /** Values of the tenant's custom fields for clients, by field key. */
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    /** Set when this client was merged into another; it is then archived. */
    mergedIntoId: uuid('merged_into_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('clients_responsible_idx').on(t.tenantId, t.responsibleUserId),
    index('clients_name_key_idx').on(t.tenantId, t.nameKey),
    index('clients_phone_idx').on(t.tenantId, t.phone),
    index('clients_email_idx').on(t.tenantId, t.email),
  ],
);

/** A legal entity or sole trader that signs documents. */
export const counterparties = pgTable(
  'counterparties',
  {
    id: id(),
    tenantId: tenantId(),
    legalName: text('legal_name').notNull(),
    /** `legal_entity`, `sole_trader` or `individual`. */
    kind: text('kind').notNull().default('legal_entity'),
    taxId: text('tax_id'),
    registrationNumber: text('registration_number'),
    country: text('country').notNull(),
    legalAddress: jsonb('legal_address').$type<Address>(),
    actualAddress: jsonb('actual_address').$type<Address>(),
    bankAccounts: jsonb('bank_accounts').$type<BankAccount[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [index('counterparties_tax_id_idx').on(t.tenantId, t.taxId)],
);

export interface BankAccount {
  iban: string;
  bic?: string;
  bankName?: string;
  currency?: string;
}

/** Which counterparty signs for which client, and when: links are dated so history stays true. */
export const clientCounterparties = pgTable(
  'client_counterparties',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id').notNull(),
    counterpartyId: uuid('counterparty_id').notNull(),
    validFrom: date('valid_from').notNull(),
    /** Inclusive last day; null while the link holds. */
    validTo: date('valid_to'),
    createdAt: createdAt(),
  },
  (t) => [
    index('client_counterparties_client_idx').on(t.tenantId, t.clientId),
    index('client_counterparties_counterparty_idx').on(t.tenantId, t.counterpartyId),
    foreignKey({
      name: 'client_counterparties_client_fkey',
      columns: [t.clientId],
      foreignColumns: [clients.id],
    }),
    foreignKey({
      name: 'client_counterparties_counterparty_fkey',
      columns: [t.counterpartyId],
      foreignColumns: [counterparties.id],
    }),
  ],
);

/** A person at a client, with a role and a position from the shared list. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name'),
    positionId: uuid('position_id'),
    /** Their part in buying: decision maker, user, accountant... */
    role: text('role'),
    /** E.164 numbers, kept normalised for matching. */
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    /** Lower-cased. */
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('contacts_client_idx').on(t.tenantId, t.clientId),
    index('contacts_phones_idx').using('gin', t.phones),
    index('contacts_emails_idx').using('gin', t.emails),
    foreignKey({ name: 'contacts_client_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
  ],
);

/** Fields a tenant adds to clients, contacts, deals or leads; values live in each row's `custom`. */
export const customFields = pgTable(
  'custom_fields',
  {
    id: id(),
    tenantId: tenantId(),
    /** `client`, `contact`, `deal` or `lead`. */
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    /** `text`, `number`, `date`, `choice` or `reference`. */
    type: text('type').notNull(),
    /** Choices for `choice`; the referenced entity for `reference`. */
    options: jsonb('options').$type<{ choices?: string[]; references?: string }>().notNull().default({}),
    required: boolean('required').notNull().default(false),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('custom_fields_key_key').on(t.tenantId, t.entity, t.key)],
);
