import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import { invalidField, notFound } from '../../platform/http/problem.js';
import { accounts, journals } from './schema.js';

export async function lockJournal(tx: Tx, id: string) {
  const [journal] = await tx.select().from(journals).where(eq(journals.id, id)).for('update');
  if (!journal) throw notFound('Journal', id);
  return journal;
}

/** A bank or cash journal's own account: a leaf of the same company that takes postings. */
export async function checkDefaultAccount(
  tx: Executor,
  companyId: string,
  accountId: string | null | undefined,
) {
  if (!accountId) return;
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account || account.companyId !== companyId)
    throw invalidField('defaultAccountId', `account ${accountId} is not an account of this company`);
  if (account.isGroup)
    throw invalidField(
      'defaultAccountId',
      `account ${account.code} is a group; pick one that takes postings`,
    );
  if (account.archivedAt) throw invalidField('defaultAccountId', `account ${account.code} is archived`);
}
