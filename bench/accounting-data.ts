/**
 * A company's general ledger at scale, generated in the bench database as the superuser with
 * set-based SQL: a chart of 400 postable accounts under 5 groups, one general journal, and
 * posted journal entries of 5 lines each (4 debits, 1 credit that balances them) spread over
 * three years, more of them recent. `setseed` makes every run the same.
 *
 * The triggers that check postings and keep the monthly balances are off while loading
 * (replica), as are foreign-key checks; the data is balanced by construction, and the monthly
 * and daily balances are then written by one aggregate each, what the triggers would have summed.
 */

export interface LedgerSizes {
  /** GL rows; entries are a fifth of that. */
  glRows: number;
  accounts: number;
}

const uuidOf = (s: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(s)) throw new Error(`not a uuid: ${s}`);
  return `'${s}'::uuid`;
};

/** A UUIDv7-shaped id from a fixed time, a table number and a row number (as crm-data.ts does). */
const uuid7 = (table: number, n: string) =>
  `('01900000-0000-7' || lpad(to_hex(${table}), 3, '0') || '-8' || substr(lpad(to_hex(${n}), 15, '0'), 1, 3)` +
  ` || '-' || substr(lpad(to_hex(${n}), 15, '0'), 4))::uuid`;

export function ledgerSteps(
  sizes: LedgerSizes,
  ids: { tenantId: string; companyId: string; userId: string },
) {
  const T = uuidOf(ids.tenantId);
  const C = uuidOf(ids.companyId);
  const U = uuidOf(ids.userId);
  const entries = Math.floor(sizes.glRows / 5);
  const A = sizes.accounts;
  if (!Number.isInteger(entries) || entries < 10) throw new Error('at least 50 GL rows');
  const account = (n: string) => uuid7(20, n);
  const entry = (n: string) => uuid7(21, n);
  const journal = uuid7(22, '1');
  const TYPES = `(array['asset', 'liability', 'equity', 'income', 'expense'])`;
  return [
    {
      label: 'setup',
      sql: `
        select setseed(0.17);
        set work_mem = '256MB';
        set maintenance_work_mem = '512MB';
        set session_replication_role = replica;
        create temp table bench_gl_indexes as
          select i.indexname, i.indexdef from pg_indexes i
          where i.schemaname = 'public' and i.tablename in ('gl_entries', 'journal_entries')
            and not exists (select 1 from pg_constraint k where k.conname = i.indexname);
        do $$ declare r record; begin
          for r in select indexname from bench_gl_indexes loop execute format('drop index %I', r.indexname); end loop;
        end $$;`,
    },
    {
      label: 'chart and journal',
      sql: `
        insert into accounts (id, tenant_id, company_id, code, name, type, is_group)
        select ${account('g')}, ${T}, ${C}, g::text, initcap(${TYPES}[g]), ${TYPES}[g], true
        from generate_series(1, 5) g;
        insert into accounts (id, tenant_id, company_id, code, name, type, parent_id)
        select ${account(`(100 + n)`)}, ${T}, ${C}, (1 + n % 5)::text || lpad(n::text, 4, '0'),
          'Account ' || n, ${TYPES}[1 + n % 5], ${account(`(1 + n % 5)`)}
        from generate_series(1, ${A}) n;
        insert into journals (id, tenant_id, company_id, code, name, kind)
        values (${journal}, ${T}, ${C}, 'GEN', 'General', 'general');`,
    },
    {
      label: 'journal entries',
      sql: `
        create temp table bench_entries as
          select n, (date '2024-01-01' + floor(power(random(), 0.7) * 1095)::int) as day
          from generate_series(1, ${entries}) n;
        insert into journal_entries (id, tenant_id, company_id, journal_id, number, posting_date, status,
          currency, rate, posted_at, posted_by, created_by)
        select ${entry('n')}, ${T}, ${C}, ${journal}, 'GEN-' || lpad(n::text, 9, '0'), day, 'posted',
          'EUR', 1, day::timestamptz, ${U}, ${U}
        from bench_entries;`,
    },
    {
      label: 'GL rows',
      sql: `
        insert into gl_entries (id, tenant_id, company_id, entry_id, line_no, account_id, posting_date,
          debit, credit, currency, debit_in_currency, credit_in_currency)
        select gen_random_uuid(), ${T}, ${C}, ${entry('e.n')}, v.line_no, ${account('(100 + v.acct)')}, e.day,
          v.debit, v.credit, 'EUR', v.debit, v.credit
        from bench_entries e
        cross join lateral (
          select round((random() * 1000 + e.n * 0)::numeric, 2) as a1, round((random() * 1000)::numeric, 2) as a2,
            round((random() * 1000)::numeric, 2) as a3, round((random() * 1000)::numeric, 2) as a4,
            1 + floor(random() * ${A})::int as k1, 1 + floor(random() * ${A})::int as k2,
            1 + floor(random() * ${A})::int as k3, 1 + floor(random() * ${A})::int as k4,
            1 + floor(random() * ${A})::int as k5
        ) a
        cross join lateral (values
          (1, a.k1, a.a1, 0::numeric), (2, a.k2, a.a2, 0), (3, a.k3, a.a3, 0), (4, a.k4, a.a4, 0),
          (5, a.k5, 0, a.a1 + a.a2 + a.a3 + a.a4)
        ) v(line_no, acct, debit, credit);`,
    },
    {
      label: 'monthly and daily balances',
      sql: `
        insert into gl_monthly_balances (tenant_id, company_id, account_id, month, debit, credit)
        select tenant_id, company_id, account_id, date_trunc('month', posting_date)::date, sum(debit), sum(credit)
        from gl_entries where company_id = ${C}
        group by tenant_id, company_id, account_id, date_trunc('month', posting_date);
        insert into gl_daily_balances (tenant_id, company_id, account_id, day, debit, credit)
        select tenant_id, company_id, account_id, posting_date, sum(debit), sum(credit)
        from gl_entries where company_id = ${C}
        group by tenant_id, company_id, account_id, posting_date;`,
    },
    {
      label: 'indexes (rebuilt)',
      sql: `
        do $$ declare r record; begin
          for r in select indexdef from bench_gl_indexes loop execute r.indexdef; end loop;
        end $$;
        set session_replication_role = default;
        reset work_mem;
        reset maintenance_work_mem;
        drop table bench_gl_indexes, bench_entries;`,
    },
  ];
}

/**
 * Receivables at scale: `items` open items of a receivable account over `counterparties`
 * customers, due over the two years before 2026-11-01 and the month after, most of them
 * partly paid. Loaded with triggers and foreign-key checks off, as the GL is.
 */
export function openItemSteps(
  sizes: { items: number; counterparties: number },
  ids: { tenantId: string; companyId: string },
) {
  const T = uuidOf(ids.tenantId);
  const C = uuidOf(ids.companyId);
  const counterparty = (n: string) => uuid7(23, n);
  return [
    {
      label: 'counterparties',
      sql: `
        select setseed(0.29);
        set session_replication_role = replica;
        insert into counterparties (id, tenant_id, legal_name, kind, country)
        select ${counterparty('n')}, ${T}, 'Customer ' || lpad(n::text, 6, '0') || ' Ltd', 'legal_entity', 'BG'
        from generate_series(1, ${sizes.counterparties}) n;`,
    },
    {
      label: 'open items',
      sql: `
        insert into open_items (id, tenant_id, company_id, side, counterparty_id, account_id, document_date, due_date,
          currency, rate, amount, amount_in_company_currency, outstanding, outstanding_in_company_currency)
        select gen_random_uuid(), ${T}, ${C}, 'receivable', ${counterparty('(1 + floor(random() * ' + sizes.counterparties + ')::int)')},
          ${uuid7(20, '101')}, due - 30, due, 'EUR', 1, amount, amount, open, open
        from (
          select date '2026-12-01' - floor(random() * 760)::int as due, round((random() * 5000)::numeric + 1, 2) as amount
          from generate_series(1, ${sizes.items}) n
        ) x
        cross join lateral (select round(x.amount * (0.1 + 0.9 * random())::numeric, 2) as open) o;
        set session_replication_role = default;`,
    },
  ];
}
