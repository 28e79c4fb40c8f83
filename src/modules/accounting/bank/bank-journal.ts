import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { invalidField } from '../../../platform/http/problem.js';
import { companyBooks, currencyPrecision } from '../books.js';
import { accounts, journals } from '../schema.js';

/**
 * A bank journal with the currency its statements must be in: its bank account's, or the
 * company's when the account takes any. A 422 naming `field` for any other journal.
 */
export async function bankJournal(tx: Executor, journalId: string, field = 'journalId') {
  const [row] = await tx
    .select({ journal: journals, accountCurrency: accounts.currency })
    .from(journals)
    .leftJoin(accounts, eq(accounts.id, journals.defaultAccountId))
    .where(eq(journals.id, journalId));
  if (!row) throw invalidField(field, `journal ${journalId} does not exist`);
  const { journal } = row;
  if (journal.kind !== 'bank')
    throw invalidField(
      field,
      `journal ${journal.code} is a ${journal.kind} journal; statements go to a bank journal`,
    );
  if (journal.archivedAt) throw invalidField(field, `journal ${journal.code} is archived`);
  const company = await companyBooks(tx, journal.companyId);
  const currency = row.accountCurrency ?? company.currency;
  const precision = await currencyPrecision(tx, currency, field);
  return { journal, company, currency, precision };
}
