import { eq, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/database.js';
import { conflict, invalidField, notFound } from '../../http/problem.js';
import { countries, currencies, units } from '../schema.js';

/**
 * Refuses a value another row of the list already has, before the database does: its own
 * refusal could only say "already taken" without naming the entry.
 */
export async function refuseTaken(tx: Tx, table: PgTable, clash: SQL, field: string, detail: string) {
  const [row] = await tx.select({ one: sql`1` }).from(table).where(clash).limit(1);
  if (row) throw conflict(detail, [{ field, reason: 'is already taken' }]);
}

/** Locks rows for the rest of the transaction so concurrent edits queue instead of overwriting. */
export async function lockCurrency(tx: Tx, code: string) {
  const [currency] = await tx.select().from(currencies).where(eq(currencies.code, code)).for('update');
  if (!currency) throw notFound('Currency', code);
  return currency;
}

export async function lockUnit(tx: Tx, code: string) {
  const [unit] = await tx.select().from(units).where(eq(units.code, code)).for('update');
  if (!unit) throw notFound('Unit', code);
  return unit;
}

export async function lockCountry(tx: Tx, code: string) {
  const [country] = await tx.select().from(countries).where(eq(countries.code, code)).for('update');
  if (!country) throw notFound('Country', code);
  return country;
}

export async function assertCurrencyListed(
  tx: Tx,
  code: string,
  field: string,
  options: { active?: boolean } = {},
) {
  const [currency] = await tx
    .select({ active: currencies.active })
    .from(currencies)
    .where(eq(currencies.code, code));
  if (!currency)
    throw invalidField(field, `${code} is not in the currency list; add it under Reference data first`);
  if (options.active && !currency.active)
    throw invalidField(field, `${code} is switched off in the currency list`);
}

/** New conversions may only use units in the list that are not archived. */
export async function assertUnitUsable(tx: Tx, code: string, field: string) {
  const [unit] = await tx.select({ archivedAt: units.archivedAt }).from(units).where(eq(units.code, code));
  if (!unit) throw invalidField(field, `"${code}" is not in the unit list; add it under Units first`);
  if (unit.archivedAt) throw invalidField(field, `"${code}" is archived; restore it first`);
}
