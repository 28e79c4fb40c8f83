import { Decimal } from 'decimal.js';

export interface TreeAccount {
  id: string;
  code: string;
  name: string;
  type: string;
  isGroup: boolean;
  parentId: string | null;
}

export interface StatementRow {
  accountId: string;
  code: string;
  name: string;
  type: string;
  isGroup: boolean;
  parentId: string | null;
  level: number;
  amounts: Decimal[];
}

/**
 * One section of a financial statement (income, assets, ...) as the chart's tree: each account
 * with an amount in some column, and every group above it summing the accounts of this section
 * under it, parents before children, siblings by code. `width` is the number of columns; the
 * total is the sum of the accounts, so it equals the sum of the top rows.
 */
export function statementTree(chart: TreeAccount[], amounts: Map<string, Decimal[]>, width: number) {
  const byId = new Map(chart.map((a) => [a.id, a]));
  const zeros = () => Array.from({ length: width }, () => new Decimal(0));
  const sums = new Map<string, Decimal[]>();
  const total = zeros();
  for (const [accountId, values] of amounts) {
    if (!byId.has(accountId) || values.every((v) => v.isZero())) continue;
    values.forEach((v, i) => {
      total[i] = total[i].plus(v);
    });
    // Up the tree, bounded by the chart's size in case a damaged chart loops.
    let id: string | null = accountId;
    for (let steps = 0; id && steps <= chart.length; steps++) {
      const sum = sums.get(id) ?? zeros();
      sums.set(
        id,
        sum.map((s, i) => s.plus(values[i])),
      );
      id = byId.get(id)?.parentId ?? null;
    }
  }
  const children = new Map<string | null, TreeAccount[]>();
  for (const account of chart) {
    if (!sums.has(account.id)) continue;
    const parent = account.parentId && byId.has(account.parentId) ? account.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), account]);
  }
  const rows: StatementRow[] = [];
  const visit = (parent: string | null, level: number) => {
    if (level > chart.length) return;
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const account of siblings) {
      const { id, code, name, type, isGroup, parentId } = account;
      rows.push({ accountId: id, code, name, type, isGroup, parentId, level, amounts: sums.get(id)! });
      visit(id, level + 1);
    }
  };
  visit(null, 0);
  return { rows, total };
}
