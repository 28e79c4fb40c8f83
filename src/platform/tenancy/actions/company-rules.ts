import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { currencies } from '../../directories/schema.js';
import { invalidField, notFound } from '../../http/problem.js';
import { companies } from '../schema.js';

export async function assertCurrencyKnown(tx: Tx, code: string) {
  const [currency] = await tx
    .select({ active: currencies.active })
    .from(currencies)
    .where(eq(currencies.code, code));
  if (!currency)
    throw invalidField(
      'baseCurrency',
      `${code} is not in the currency list; add it under Reference data first`,
    );
  if (!currency.active) throw invalidField('baseCurrency', `${code} is switched off in the currency list`);
}

/** Locks the company row for the rest of the transaction so concurrent edits queue instead of overwriting. */
export async function lockCompany(tx: Tx, id: string) {
  const [company] = await tx
    .select()
    .from(companies)
    .where(and(eq(companies.id, id)))
    .for('update');
  if (!company) throw notFound('Company', id);
  return company;
}
