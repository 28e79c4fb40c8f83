import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { findRateInForce } from '../../platform/directories/queries.js';
import { invalidField } from '../../platform/http/problem.js';
import { companyBooks, currencyPrecision } from './books.js';
import type { EntryFacts } from './entry-lines.js';
import { journals } from './schema.js';

export interface EntryHeader {
  companyId: string;
  journalId: string;
  postingDate: string;
  currency?: string;
  rate?: string;
}

/**
 * The company, journal, currency and rate an entry is drafted in. The rate, when not given, is
 * the one in force on the posting date (the reciprocal of the opposite pair if only that was
 * recorded); the company currency's is 1.
 */
export async function entryFacts(tx: Executor, header: EntryHeader): Promise<EntryFacts> {
  const company = await companyBooks(tx, header.companyId);
  const [journal] = await tx.select().from(journals).where(eq(journals.id, header.journalId));
  if (!journal) throw invalidField('journalId', `journal ${header.journalId} does not exist`);
  if (journal.companyId !== company.id)
    throw invalidField('journalId', `journal ${journal.code} belongs to another company`);
  if (journal.archivedAt) throw invalidField('journalId', `journal ${journal.code} is archived`);

  const currency = header.currency ?? company.currency;
  const precision = await currencyPrecision(tx, currency, 'currency');
  const facts = { companyId: company.id, currency, precision, companyPrecision: company.precision };
  if (currency === company.currency) {
    if (header.rate !== undefined && !new Decimal(header.rate).equals(1))
      throw invalidField('rate', `an entry in the company currency ${currency} has the rate 1`);
    return { ...facts, rate: '1' };
  }
  if (header.rate !== undefined) {
    if (!new Decimal(header.rate).greaterThan(0)) throw invalidField('rate', 'must be above zero');
    return { ...facts, rate: new Decimal(header.rate).toFixed() };
  }
  const inForce = await findRateInForce(tx, currency, company.currency, header.postingDate);
  if (!inForce)
    throw invalidField(
      'currency',
      `there is no ${currency}→${company.currency} exchange rate on or before ${header.postingDate}; ` +
        'record one under Reference data → Exchange rates, or give the rate',
    );
  return { ...facts, rate: inForce.rate };
}
