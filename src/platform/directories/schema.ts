import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  integer,
  numeric,
  pgTable,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, id, tenantId, updatedAt } from '../db/columns.js';

/**
 * Reference lists shared by every module. Each tenant has its own editable copy, seeded from
 * the ISO lists when the tenant is made; other tables point at them by (tenant_id, code).
 */
export const currencies = pgTable(
  'currencies',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    symbol: text('symbol'),
    /** Decimal places amounts in this currency are rounded to. */
    precision: integer('precision').notNull().default(2),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('currencies_code_key').on(t.tenantId, t.code),
    check('currencies_precision_check', sql`${t.precision} between 0 and 4`),
  ],
);

/** How many units of `quote` one unit of `base` buys on a date. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: id(),
    tenantId: tenantId(),
    baseCurrency: text('base_currency').notNull(),
    quoteCurrency: text('quote_currency').notNull(),
    validOn: date('valid_on').notNull(),
    rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('exchange_rates_day_key').on(t.tenantId, t.baseCurrency, t.quoteCurrency, t.validOn),
    check('exchange_rates_positive', sql`${t.rate} > 0`),
    check('exchange_rates_distinct', sql`${t.baseCurrency} <> ${t.quoteCurrency}`),
    foreignKey({
      name: 'exchange_rates_base_currency_fkey',
      columns: [t.tenantId, t.baseCurrency],
      foreignColumns: [currencies.tenantId, currencies.code],
    }),
    foreignKey({
      name: 'exchange_rates_quote_currency_fkey',
      columns: [t.tenantId, t.quoteCurrency],
      foreignColumns: [currencies.tenantId, currencies.code],
    }),
  ],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Decimal places quantities in this unit are kept to. */
    precision: integer('precision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('units_code_key').on(t.tenantId, t.code),
    check('units_precision_check', sql`${t.precision} between 0 and 6`),
  ],
);

/** 1 `from_unit` = `factor` `to_unit`; the reverse is derived, never stored twice. */
export const unitConversions = pgTable(
  'unit_conversions',
  {
    id: id(),
    tenantId: tenantId(),
    fromUnit: text('from_unit').notNull(),
    toUnit: text('to_unit').notNull(),
    factor: numeric('factor', { precision: 30, scale: 12 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('unit_conversions_pair_key').on(t.tenantId, t.fromUnit, t.toUnit),
    check('unit_conversions_positive', sql`${t.factor} > 0`),
    check('unit_conversions_distinct', sql`${t.fromUnit} <> ${t.toUnit}`),
    foreignKey({
      name: 'unit_conversions_from_unit_fkey',
      columns: [t.tenantId, t.fromUnit],
      foreignColumns: [units.tenantId, units.code],
    }),
    foreignKey({
      name: 'unit_conversions_to_unit_fkey',
      columns: [t.tenantId, t.toUnit],
      foreignColumns: [units.tenantId, units.code],
    }),
  ],
);

export const countries = pgTable(
  'countries',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('countries_code_key').on(t.tenantId, t.code)],
);

/** Job positions: used by contacts at clients and by the company's own employees. */
export const positions = pgTable(
  'positions',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('positions_name_key').on(t.tenantId, t.name)],
);

export const industries = pgTable(
  'industries',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [unique('industries_name_key').on(t.tenantId, t.name)],
);
