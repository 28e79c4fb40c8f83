import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { invalidField } from '../../platform/http/problem.js';
import { accounts, journalLines } from './schema.js';

/**
 * A parent must be a group of the same company and type, and not the account itself or one
 * of its descendants (a tree has no loops).
 */
export async function checkParent(
  tx: Executor,
  account: { id?: string; companyId: string; type: string; parentId?: string | null },
) {
  if (!account.parentId) return;
  const [parent] = await tx.select().from(accounts).where(eq(accounts.id, account.parentId));
  if (!parent) throw invalidField('parentId', `account ${account.parentId} does not exist`);
  const name = `${parent.code} "${parent.name}"`;
  if (parent.companyId !== account.companyId)
    throw invalidField('parentId', `${name} belongs to another company`);
  if (!parent.isGroup)
    throw invalidField('parentId', `${name} is not a group account; only a group holds other accounts`);
  if (parent.type !== account.type)
    throw invalidField(
      'parentId',
      `${name} is a group of ${parent.type} accounts; an account of type ${account.type} cannot sit under it`,
    );
  if (parent.archivedAt) throw invalidField('parentId', `${name} is archived`);
  if (!account.id) return;
  // Walk up from the new parent: meeting the account itself would make a loop.
  let current: string | null = parent.id;
  while (current) {
    if (current === account.id)
      throw invalidField('parentId', `${name} is under this account; an account cannot sit under itself`);
    const [up] = await tx
      .select({ parentId: accounts.parentId })
      .from(accounts)
      .where(eq(accounts.id, current));
    current = up?.parentId ?? null;
  }
}

/** Whether any entry, draft or posted, names the account. */
export async function accountIsUsed(tx: Executor, accountId: string) {
  const [line] = await tx
    .select({ id: journalLines.id })
    .from(journalLines)
    .where(eq(journalLines.accountId, accountId))
    .limit(1);
  return !!line;
}

export async function activeChildCount(tx: Executor, accountId: string) {
  const children = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.parentId, accountId), isNull(accounts.archivedAt)));
  return children.length;
}
