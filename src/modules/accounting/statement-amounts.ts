import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, sqlRows } from '../../platform/db/database.js';
import type { AccountRow } from './books.js';
import { type DimensionFilter, trialBalance } from './reports.js';

export type DimensionColumn = 'cost_centre_id' | 'project_id' | 'department_id';

/** Per account: the net (debit - credit) before a period, in it, and at its end. */
export interface AccountNets {
  opening: Decimal;
  period: Decimal;
  closing: Decimal;
}

const net = (debit: string, credit: string) => new Decimal(debit).minus(credit);

/**
 * The nets of every account with activity, from the trial balance: the same monthly and daily
 * balances, the same GL rows when filtered by a dimension.
 */
export async function accountNets(
  tx: Executor,
  chart: AccountRow[],
  options: { companyId: string; from: string; to: string; precision: number; dimension: DimensionFilter },
) {
  const { items } = await trialBalance(tx, chart, options);
  const nets = new Map<string, AccountNets>();
  for (const i of items) {
    if (i.isGroup) continue;
    nets.set(i.accountId, {
      opening: net(i.openingDebit, i.openingCredit),
      period: net(i.periodDebit, i.periodCredit),
      closing: net(i.closingDebit, i.closingCredit),
    });
  }
  return nets;
}

/**
 * Year-end closings in a period, per account: a closing entry dated the year's last day brings
 * income and expense to zero, which a profit and loss for that year must not show. A cancelled
 * closing counts with its reversal. Closing lines carry no dimension, so a dimension filter
 * never meets them.
 */
export async function closingNets(
  tx: Executor,
  options: { companyId: string; from: string; to: string; dimension: DimensionFilter },
) {
  const nets = new Map<string, Decimal>();
  if (options.dimension) return nets;
  const closings = await sqlRows<{ id: string; reversed_by_id: string | null }>(
    tx,
    sql`select id, reversed_by_id from journal_entries
        where company_id = ${options.companyId} and source_type = 'fiscal_year' and status <> 'draft'`,
  );
  const ids = closings.flatMap((c) => (c.reversed_by_id ? [c.id, c.reversed_by_id] : [c.id]));
  if (ids.length === 0) return nets;
  const rows = await sqlRows<{ account_id: string; net: string }>(
    tx,
    sql`select account_id, sum(debit - credit)::text as net from gl_entries
        where entry_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and posting_date >= ${options.from} and posting_date <= ${options.to}
        group by account_id`,
  );
  for (const row of rows) nets.set(row.account_id, new Decimal(row.net));
  return nets;
}

/**
 * The period's net per account and per value of one dimension (null: lines without one), read
 * from the GL rows in one pass: the balances the database keeps are per account only.
 */
export async function netsByDimension(
  tx: Executor,
  options: {
    companyId: string;
    from: string;
    to: string;
    dimension: DimensionFilter;
    column: DimensionColumn;
    accountIds: string[];
  },
) {
  const byAccount = new Map<string, Map<string | null, Decimal>>();
  if (options.accountIds.length === 0) return byAccount;
  const column = sql.raw(options.column);
  const filter = options.dimension
    ? sql`and ${sql.raw(options.dimension.column)} = ${options.dimension.id}`
    : sql``;
  const rows = await sqlRows<{ account_id: string; value: string | null; net: string }>(
    tx,
    sql`select account_id, ${column} as value, sum(debit - credit)::text as net from gl_entries
        where company_id = ${options.companyId} and posting_date >= ${options.from} and posting_date <= ${options.to}
          and account_id in (${sql.join(
            options.accountIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) ${filter}
        group by account_id, ${column}`,
  );
  for (const row of rows) {
    const values = byAccount.get(row.account_id) ?? new Map<string | null, Decimal>();
    values.set(row.value, new Decimal(row.net));
    byAccount.set(row.account_id, values);
  }
  return byAccount;
}
