import type { Account } from './accounting-types';

export interface TreeRow {
  account: Account;
  depth: number;
}

/**
 * Accounts in chart order: each parent followed by its children, siblings by code. An account
 * whose parent is not in the list (filtered out) starts a branch of its own.
 */
export function accountTree(accounts: Account[]): TreeRow[] {
  const ids = new Set(accounts.map((a) => a.id));
  const children = new Map<string | null, Account[]>();
  for (const account of accounts) {
    const parent = account.parentId && ids.has(account.parentId) ? account.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), account]);
  }
  const rows: TreeRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const account of siblings) {
      rows.push({ account, depth });
      visit(account.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
