import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { assertCurrencyListed } from '../../directories/actions/directory-rules.js';
import { notFound } from '../../http/problem.js';
import { companies } from '../schema.js';

/** A company's base currency must be listed and switched on. */
export const assertCurrencyKnown = (tx: Tx, code: string) =>
  assertCurrencyListed(tx, code, 'baseCurrency', { active: true });

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
