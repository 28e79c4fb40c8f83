/**
 * Posted invoices per second: a customer invoice of 5 lines with 2 taxes, posted through
 * Tandem's HTTP API (the draft, its totals, the gapless numbers, the open item, the journal
 * entry and its GL rows, audit and outbox), in one request (`post: true`) and in two (draft,
 * then post), beside a hand-written SQL transaction that writes the same rows with the amounts
 * already known. All run with the same number of concurrent workers on the same database.
 */
import { performance } from 'node:perf_hooks';
import { Decimal } from 'decimal.js';
import type { Database } from '../src/platform/db/database.js';
import { apiCall, benchBooks } from './bench-books.js';

export interface PostingResult {
  /** One request per invoice: `POST /invoices` with `post: true`. */
  tandemPerSecond: number;
  /** Two requests per invoice: the draft, then `POST /invoices/:id/post`. */
  tandemTwoCallsPerSecond: number;
  barePerSecond: number;
  workers: number;
  seconds: number;
  statementsBare: number;
}

interface Books {
  companyId: string;
  counterpartyId: string;
  account: Record<string, string>;
  salesJournalId: string;
  taxIds: [string, string];
}

/** A second company with the starter chart, its journals, the year, two taxes and a customer. */
export async function setUpSalesBooks(base: string, cookie: string): Promise<Books> {
  const books = await benchBooks(base, cookie, 'Bench Sales Ltd', [
    { code: 'GEN', name: 'GEN', kind: 'general' },
    { code: 'SAL', name: 'SAL', kind: 'sales' },
  ]);
  const { account } = books;
  const taxIds: string[] = [];
  for (const [name, ratePercent] of [
    ['VAT 20%', '20'],
    ['Eco fee 2%', '2'],
  ])
    taxIds.push(
      (
        await apiCall(base, cookie, 'POST', '/taxes', {
          companyId: books.companyId,
          name,
          ratePercent,
          salesAccountId: account['2100'],
          purchaseAccountId: account['1300'],
        })
      ).id,
    );
  const counterparty = await apiCall(base, cookie, 'POST', '/counterparties', {
    legalName: 'Bench Customer GmbH',
    country: 'DE',
  });
  return {
    companyId: books.companyId,
    counterpartyId: counterparty.id,
    account,
    salesJournalId: books.journal.SAL,
    taxIds: taxIds as [string, string],
  };
}

const LINES = [1, 2, 3, 4, 5].map((n) => ({ quantity: String(n), unitPrice: `${n * 10}.25` }));

function invoiceBody(books: Books) {
  return {
    companyId: books.companyId,
    kind: 'customer_invoice',
    counterpartyId: books.counterpartyId,
    invoiceDate: '2026-06-15',
    lines: LINES.map((l, i) => ({
      description: `Line ${i + 1}`,
      accountId: books.account['4000'],
      ...l,
      taxIds: books.taxIds,
    })),
  };
}

/** Runs `work` in `workers` loops for `seconds`; how many finished. */
async function loop(workers: number, seconds: number, work: (worker: number) => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < until) {
        await work(worker);
        done++;
      }
    }),
  );
  return done;
}

/**
 * The rows one posted invoice leaves, written by hand in one transaction with the amounts known
 * in advance: the two numbering series, the invoice and its 5 lines, its open item, the journal
 * entry with its 8 lines and 8 GL rows (the posting trigger still checks them and keeps the
 * balances), an audit row and an outbox event.
 */
function bareStatements(books: Books, tenantId: string, userId: string) {
  const nets = LINES.map((l) => new Decimal(l.quantity).times(l.unitPrice));
  const net = nets.reduce((a, b) => a.plus(b), new Decimal(0));
  const vat = nets.reduce((a, n) => a.plus(n.times('0.2').toDecimalPlaces(2)), new Decimal(0));
  const eco = nets.reduce((a, n) => a.plus(n.times('0.02').toDecimalPlaces(2)), new Decimal(0));
  const gross = net.plus(vat).plus(eco).toFixed(2);
  const C = books.companyId;
  return async (query: (text: string, params?: unknown[]) => Promise<unknown[]>) => {
    await query('begin');
    try {
      const [invoiceNo] = (await query(
        `insert into numbering_series (tenant_id, company_id, key, year, prefix, next_number) values ($1, $2, 'bench:invoice', 2026, 'INV-2026-', 2)
         on conflict (tenant_id, company_id, key, year) do update set next_number = numbering_series.next_number + 1
         returning next_number - 1 as n`,
        [tenantId, C],
      )) as { n: number }[];
      const [invoice] = (await query(
        `insert into invoices (id, tenant_id, company_id, kind, number, status, counterparty_id, invoice_date, currency, rate,
           net_total, tax_total, gross_total, gross_in_company_currency, posted_at, posted_by, created_by)
         values (gen_random_uuid(), $1, $2, 'customer_invoice', $3, 'draft', $4, '2026-06-15', 'EUR', 1, $5, $6, $7, $7, now(), $8, $8)
         returning id`,
        [
          tenantId,
          C,
          `B-${invoiceNo.n}`,
          books.counterpartyId,
          net.toFixed(2),
          vat.plus(eco).toFixed(2),
          gross,
          userId,
        ],
      )) as { id: string }[];
      await query(
        `insert into invoice_lines (id, tenant_id, invoice_id, line_no, description, account_id, quantity, unit_price, tax_ids, net, tax)
         select gen_random_uuid(), $1, $2, n, 'Line ' || n, $3, n, n * 10 + 0.25, $4::uuid[], n * (n * 10 + 0.25), 0
         from generate_series(1, 5) n`,
        [tenantId, invoice.id, books.account['4000'], books.taxIds],
      );
      await query(`update invoices set status = 'posted' where id = $1`, [invoice.id]);
      await query(
        `insert into open_items (id, tenant_id, company_id, side, counterparty_id, account_id, invoice_id, document_date, due_date,
           currency, rate, amount, amount_in_company_currency, outstanding, outstanding_in_company_currency)
         values (gen_random_uuid(), $1, $2, 'receivable', $3, $4, $5, '2026-06-15', '2026-06-15', 'EUR', 1, $6, $6, $6, $6)`,
        [tenantId, C, books.counterpartyId, books.account['1100'], invoice.id, gross],
      );
      const [entryNo] = (await query(
        `insert into numbering_series (tenant_id, company_id, key, year, prefix, next_number) values ($1, $2, 'bench:journal', 2026, 'SAL-2026-', 2)
         on conflict (tenant_id, company_id, key, year) do update set next_number = numbering_series.next_number + 1
         returning next_number - 1 as n`,
        [tenantId, C],
      )) as { n: number }[];
      const [entry] = (await query(
        `insert into journal_entries (id, tenant_id, company_id, journal_id, number, posting_date, status, currency, rate,
           source_type, source_id, posted_at, posted_by, created_by)
         values (gen_random_uuid(), $1, $2, $3, $4, '2026-06-15', 'draft', 'EUR', 1, 'invoice', $5, now(), $6, $6) returning id`,
        [tenantId, C, books.salesJournalId, `B-${entryNo.n}`, invoice.id, userId],
      )) as { id: string }[];
      // receivable, 5 sales lines, 2 tax lines: amounts as (line_no, account, debit, credit)
      const lines = [
        [1, books.account['1100'], gross, '0'],
        ...nets.map((n, i) => [i + 2, books.account['4000'], '0', n.toFixed(2)]),
        [7, books.account['2100'], '0', vat.toFixed(2)],
        [8, books.account['2100'], '0', eco.toFixed(2)],
      ];
      const values = lines.map(
        (_, i) => `($${i * 4 + 3}::int, $${i * 4 + 4}::uuid, $${i * 4 + 5}::numeric, $${i * 4 + 6}::numeric)`,
      );
      const params = [tenantId, entry.id, ...lines.flat()];
      await query(
        `insert into journal_lines (id, tenant_id, entry_id, line_no, account_id, debit, credit, debit_in_company_currency, credit_in_company_currency)
         select gen_random_uuid(), $1, $2, v.l, v.a, v.d, v.c, v.d, v.c from (values ${values.join(', ')}) v(l, a, d, c)`,
        params,
      );
      await query(`update journal_entries set status = 'posted' where id = $1`, [entry.id]);
      await query(
        `insert into gl_entries (id, tenant_id, company_id, entry_id, line_no, account_id, posting_date, debit, credit, currency,
           debit_in_currency, credit_in_currency, counterparty_id)
         select gen_random_uuid(), j.tenant_id, $3, j.entry_id, j.line_no, j.account_id, '2026-06-15', j.debit, j.credit, 'EUR',
           j.debit, j.credit, case when j.line_no = 1 then $4::uuid end
         from journal_lines j where j.entry_id = $2 and j.tenant_id = $1`,
        [tenantId, entry.id, C, books.counterpartyId],
      );
      await query(
        `insert into audit_log (id, tenant_id, actor_user_id, action, entity, entity_id, after) values (gen_random_uuid(), $1, $2, 'bench.postInvoice', 'invoice', $3, '{}'::jsonb)`,
        [tenantId, userId, invoice.id],
      );
      await query(
        `insert into outbox (id, tenant_id, type, payload) values (gen_random_uuid(), $1, 'bench.invoicePosted', jsonb_build_object('id', $2::text))`,
        [tenantId, invoice.id],
      );
      await query('commit');
    } catch (error) {
      await query('rollback');
      throw error;
    }
  };
}

export const BARE_STATEMENTS = 15;

export async function measurePosting(options: {
  base: string;
  cookie: string;
  database: Database;
  tenantId: string;
  userId: string;
  workers: number;
  seconds: number;
  /** A connection per worker for the bare transaction (PostgreSQL); PGlite has one. */
  connect: () => Promise<{
    query: (text: string, params?: unknown[]) => Promise<unknown[]>;
    close: () => Promise<void>;
  }>;
}): Promise<PostingResult> {
  const books = await setUpSalesBooks(options.base, options.cookie);
  const body = invoiceBody(books);
  const oneCall = async () => {
    await apiCall(options.base, options.cookie, 'POST', '/invoices', { ...body, post: true });
  };
  const twoCalls = async () => {
    const draft = await apiCall(options.base, options.cookie, 'POST', '/invoices', body);
    await apiCall(options.base, options.cookie, 'POST', `/invoices/${draft.id}/post`);
  };
  const bare = bareStatements(books, options.tenantId, options.userId);
  const connections = await Promise.all(Array.from({ length: options.workers }, () => options.connect()));
  // The three take turns in short rounds, so a machine busy with something else for a while
  // slows all three alike and the ratios stay fair.
  const rounds = Math.max(1, Math.round(options.seconds / 2));
  const slice = options.seconds / rounds;
  const done = { one: 0, two: 0, bare: 0 };
  try {
    for (let round = 0; round < rounds; round++) {
      done.one += await loop(options.workers, slice, oneCall);
      done.two += await loop(options.workers, slice, twoCalls);
      done.bare += await loop(options.workers, slice, (worker) => bare(connections[worker].query));
    }
    return {
      tandemPerSecond: done.one / options.seconds,
      tandemTwoCallsPerSecond: done.two / options.seconds,
      barePerSecond: done.bare / options.seconds,
      workers: options.workers,
      seconds: options.seconds,
      statementsBare: BARE_STATEMENTS,
    };
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
}
