import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, sqlRows } from '../../platform/db/database.js';
import type { AccountRow } from './books.js';
import { addDays, addMonths, firstOfMonth, lastOfMonth } from './dates.js';

export type DimensionFilter =
  | { column: 'cost_centre_id' | 'project_id' | 'department_id'; id: string }
  | undefined;

interface Movement {
  account_id: string;
  opening: string;
  debit: string;
  credit: string;
}

/**
 * Per account: the net before `from`, and the debits and credits from `from` to `to`. Whole months
 * come from the monthly balances the database keeps, the days of a month cut by `from` or `to`
 * from its daily balances: never the GL rows, however many there are. With a dimension the
 * balances do not help (they are per account only), so the GL rows of that dimension are read.
 */
async function movements(
  tx: Executor,
  companyId: string,
  from: string,
  to: string,
  dimension: DimensionFilter,
) {
  if (dimension) {
    const column = sql.raw(dimension.column);
    return sqlRows<Movement>(
      tx,
      sql`select account_id,
            sum(case when posting_date < ${from} then debit - credit else 0 end)::text as opening,
            sum(case when posting_date >= ${from} then debit else 0 end)::text as debit,
            sum(case when posting_date >= ${from} then credit else 0 end)::text as credit
          from gl_entries
          where company_id = ${companyId} and posting_date <= ${to} and ${column} = ${dimension.id}
          group by account_id`,
    );
  }
  const fromMonth = firstOfMonth(from);
  const fullStart = from === fromMonth ? from : addMonths(from, 1);
  const fullEnd = to === lastOfMonth(to) ? addDays(to, 1) : firstOfMonth(to);
  const monthly = (where: SQL, asOpening: boolean) =>
    asOpening
      ? sql`select account_id, debit - credit as opening, 0 as debit, 0 as credit from gl_monthly_balances where company_id = ${companyId} and ${where}`
      : sql`select account_id, 0 as opening, debit, credit from gl_monthly_balances where company_id = ${companyId} and ${where}`;
  const days = (start: string, endExclusive: string, asOpening = false) =>
    sql`select account_id, ${asOpening ? sql`debit - credit` : sql`0`} as opening,
          ${asOpening ? sql`0 as debit, 0 as credit` : sql`debit, credit`}
        from gl_daily_balances
        where company_id = ${companyId} and day >= ${start} and day < ${endExclusive}`;
  const parts: SQL[] = [monthly(sql`month < ${fromMonth}`, true), days(fromMonth, from, true)];
  if (fullStart < fullEnd)
    parts.push(
      monthly(sql`month >= ${fullStart} and month < ${fullEnd}`, false),
      days(from, fullStart),
      days(fullEnd, addDays(to, 1)),
    );
  else parts.push(days(from, addDays(to, 1)));
  return sqlRows<Movement>(
    tx,
    sql`select account_id, sum(opening)::text as opening, sum(debit)::text as debit, sum(credit)::text as credit
        from (${sql.join(parts, sql` union all `)}) movements group by account_id`,
  );
}

export interface TrialBalanceRow {
  accountId: string;
  code: string;
  name: string;
  type: string;
  isGroup: boolean;
  parentId: string | null;
  level: number;
  openingDebit: string;
  openingCredit: string;
  periodDebit: string;
  periodCredit: string;
  closingDebit: string;
  closingCredit: string;
}

interface Sums {
  opening: Decimal;
  debit: Decimal;
  credit: Decimal;
}

/**
 * The trial balance of a company: each account with activity and the groups above it, a group
 * adding up its children. A net balance shows on the debit or the credit side; the totals (of the
 * top-level accounts) balance because every posting did.
 */
export async function trialBalance(
  tx: Executor,
  chart: AccountRow[],
  options: { companyId: string; from: string; to: string; precision: number; dimension: DimensionFilter },
) {
  const rows = await movements(tx, options.companyId, options.from, options.to, options.dimension);
  const sums = new Map<string, Sums>();
  const byId = new Map(chart.map((a) => [a.id, a]));
  for (const row of rows) {
    // Up the tree: every group above the account adds the account's amounts.
    for (let id: string | null = row.account_id; id; id = byId.get(id)?.parentId ?? null) {
      const s = sums.get(id) ?? { opening: new Decimal(0), debit: new Decimal(0), credit: new Decimal(0) };
      sums.set(id, {
        opening: s.opening.plus(row.opening),
        debit: s.debit.plus(row.debit),
        credit: s.credit.plus(row.credit),
      });
    }
  }
  const fixed = (v: Decimal) => v.toFixed(options.precision);
  const sides = (net: Decimal) => [
    fixed(net.greaterThan(0) ? net : new Decimal(0)),
    fixed(net.lessThan(0) ? net.neg() : new Decimal(0)),
  ];
  const levelOf = (a: AccountRow) => {
    let level = 0;
    for (let p = a.parentId; p && level < chart.length; p = byId.get(p)?.parentId ?? null) level++;
    return level;
  };
  const present = (s: Sums) => !(s.opening.isZero() && s.debit.isZero() && s.credit.isZero());
  const items: TrialBalanceRow[] = chart
    .filter((a) => sums.has(a.id) && present(sums.get(a.id)!))
    .map((a) => {
      const s = sums.get(a.id)!;
      const [openingDebit, openingCredit] = sides(s.opening);
      const [closingDebit, closingCredit] = sides(s.opening.plus(s.debit).minus(s.credit));
      return {
        accountId: a.id,
        code: a.code,
        name: a.name,
        type: a.type,
        isGroup: a.isGroup,
        parentId: a.parentId,
        level: levelOf(a),
        openingDebit,
        openingCredit,
        periodDebit: fixed(s.debit),
        periodCredit: fixed(s.credit),
        closingDebit,
        closingCredit,
      };
    });
  const total = (key: keyof TrialBalanceRow) =>
    fixed(items.filter((i) => i.level === 0).reduce((sum, i) => sum.plus(i[key] as string), new Decimal(0)));
  const totals = {
    openingDebit: total('openingDebit'),
    openingCredit: total('openingCredit'),
    periodDebit: total('periodDebit'),
    periodCredit: total('periodCredit'),
    closingDebit: total('closingDebit'),
    closingCredit: total('closingCredit'),
  };
  return { items, totals };
}

export interface LedgerRow {
  id: string;
  entryId: string;
  entryNumber: string | null;
  lineNo: number;
  postingDate: string;
  accountId: string;
  description: string | null;
  memo: string | null;
  debit: string;
  credit: string;
  currency: string;
  debitInCurrency: string;
  creditInCurrency: string;
  counterpartyId: string | null;
  balance: string;
}

/** The net of the accounts before a day: whole months from the monthly balances, the rest from the GL. */
export async function openingNet(tx: Executor, companyId: string, accountIds: string[], from: string) {
  if (accountIds.length === 0) return '0';
  const ids = sql.join(
    accountIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row] = await sqlRows<{ net: string | null }>(
    tx,
    sql`select (coalesce((select sum(debit - credit) from gl_monthly_balances
                 where company_id = ${companyId} and account_id in (${ids}) and month < ${firstOfMonth(from)}), 0)
              + coalesce((select sum(debit - credit) from gl_daily_balances
                 where company_id = ${companyId} and account_id in (${ids})
                   and day >= ${firstOfMonth(from)} and day < ${from}), 0))::text as net`,
  );
  return row.net ?? '0';
}

/**
 * The GL rows of accounts between two days, oldest first, each with the running balance from
 * the opening: the window adds up the whole range, and the page starts after the cursor.
 */
export async function ledgerRows(
  tx: Executor,
  options: {
    companyId: string;
    accountIds: string[];
    from: string;
    to: string;
    opening: string;
    after?: [string, string];
    limit?: number;
  },
) {
  if (options.accountIds.length === 0) return [];
  const ids = sql.join(
    options.accountIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const after = options.after
    ? sql`where ("postingDate", id) > (${options.after[0]}, ${options.after[1]}::uuid)`
    : sql``;
  const limit = options.limit ? sql`limit ${options.limit}` : sql``;
  return sqlRows<LedgerRow>(
    tx,
    sql`select * from (
          select g.id, g.entry_id as "entryId", e.number as "entryNumber", g.line_no as "lineNo",
                 g.posting_date::text as "postingDate", g.account_id as "accountId", l.description, e.memo,
                 g.debit::text as debit, g.credit::text as credit, g.currency,
                 g.debit_in_currency::text as "debitInCurrency", g.credit_in_currency::text as "creditInCurrency",
                 g.counterparty_id as "counterpartyId",
                 (${options.opening}::numeric + sum(g.debit - g.credit) over (order by g.posting_date, g.id))::text as balance
          from gl_entries g
          join journal_entries e on e.id = g.entry_id
          left join journal_lines l on l.entry_id = g.entry_id and l.line_no = g.line_no
          where g.company_id = ${options.companyId} and g.account_id in (${ids})
            and g.posting_date >= ${options.from} and g.posting_date <= ${options.to}
        ) ledger ${after} order by "postingDate", id ${limit}`,
  );
}
