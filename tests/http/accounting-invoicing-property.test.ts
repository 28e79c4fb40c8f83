import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCounterparty,
  type InvoicingBooks,
  invoiceBody,
  recordRate,
  setUpInvoicingBooks,
} from '../peer/invoicing-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;
let customers: string[];

const DATES = ['2026-01-10', '2026-02-10', '2026-03-10'];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  customers = [await createCounterparty(admin, 'Prop One'), await createCounterparty(admin, 'Prop Two')];
  // Rates that round differently, so partial allocations leave units behind.
  await recordRate(admin, 'USD', 'EUR', '2026-01-01', '0.9137');
  await recordRate(admin, 'USD', 'EUR', '2026-02-01', '0.9371');
  await recordRate(admin, 'USD', 'EUR', '2026-03-01', '0.8777');
});
afterAll(() => t.close());

const amount = fc.integer({ min: 1, max: 50_000 }).map((cents) => (cents / 100).toFixed(2));
const pick = fc.nat({ max: 1000 });
const Op = fc.oneof(
  fc.record({
    op: fc.constant('invoice' as const),
    credit: fc.boolean(),
    usd: fc.boolean(),
    customer: fc.nat({ max: 1 }),
    date: fc.nat({ max: 2 }),
    amount,
  }),
  fc.record({
    op: fc.constant('payment' as const),
    usd: fc.boolean(),
    customer: fc.nat({ max: 1 }),
    date: fc.nat({ max: 2 }),
    amount,
    byDueDate: fc.boolean(),
  }),
  ...[1, 2].map(() =>
    fc.record({
      op: fc.constant('allocate' as const),
      settling: pick,
      item: pick,
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  ),
  fc.record({ op: fc.constant('undo' as const), which: pick }),
  fc.record({ op: fc.constant('cancelPayment' as const), which: pick }),
  fc.record({ op: fc.constant('cancelInvoice' as const), which: pick }),
);

async function rows<T>(sql: string, params: unknown[] = []) {
  return t.database.query<T>(sql, params);
}

async function openItemsNow() {
  return rows<any>(
    `select id, counterparty_id, currency, outstanding::text, invoice_id, payment_id from open_items
     where company_id = $1 and outstanding <> 0 order by id`,
    [books.companyId],
  );
}

async function run(op: any) {
  const ok = (status: number) => expect([200, 201, 409, 422], `${op.op}`).toContain(status);
  if (op.op === 'invoice') {
    const draft = await admin.post(
      '/api/v1/invoices',
      invoiceBody(books, customers[op.customer], [{ quantity: '1', unitPrice: op.amount }], {
        kind: op.credit ? 'customer_credit_note' : 'customer_invoice',
        currency: op.usd ? 'USD' : 'EUR',
        invoiceDate: DATES[op.date],
      }),
    );
    expect(draft.statusCode, draft.body).toBe(201);
    const posted = await admin.post(`/api/v1/invoices/${draft.json().id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    return;
  }
  if (op.op === 'payment') {
    const draft = await admin.post('/api/v1/payments', {
      companyId: books.companyId,
      direction: 'in',
      counterpartyId: customers[op.customer],
      journalId: books.journal.BNK,
      paymentDate: DATES[op.date],
      currency: op.usd ? 'USD' : 'EUR',
      amount: op.amount,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const posted = await admin.post(
      `/api/v1/payments/${draft.json().id}/post`,
      op.byDueDate ? { allocate: 'by_due_date' } : {},
    );
    expect(posted.statusCode, posted.body).toBe(200);
    return;
  }
  if (op.op === 'allocate') {
    const open = await openItemsNow();
    const credits = open.filter((i) => Number(i.outstanding) < 0);
    if (!credits.length) return;
    const settling = credits[op.settling % credits.length];
    const owed = open.filter(
      (i) =>
        Number(i.outstanding) > 0 &&
        i.counterparty_id === settling.counterparty_id &&
        i.currency === settling.currency,
    );
    if (!owed.length) return;
    const item = owed[op.item % owed.length];
    const most = Math.min(Number(item.outstanding) * 100, -Number(settling.outstanding) * 100);
    const cents = Math.max(1, Math.round((most * op.percent) / 100));
    const res = await admin.post(`/api/v1/open-items/${settling.id}/allocations`, {
      openItemId: item.id,
      amount: (cents / 100).toFixed(2),
    });
    expect(res.statusCode, res.body).toBe(200);
    return;
  }
  if (op.op === 'undo') {
    const live = await rows<{ id: string }>(
      `select a.id from allocations a where a.company_id = $1 and a.undoes_id is null
       and not exists (select 1 from allocations u where u.undoes_id = a.id) order by a.id`,
      [books.companyId],
    );
    if (!live.length) return;
    const res = await admin.post(`/api/v1/allocations/${live[op.which % live.length].id}/undo`);
    expect(res.statusCode, res.body).toBe(200);
    return;
  }
  const table = op.op === 'cancelPayment' ? 'payments' : 'invoices';
  const posted = await rows<{ id: string }>(`select id from ${table} where status = 'posted' order by id`);
  if (!posted.length) return;
  const res = await admin.post(`/api/v1/${table}/${posted[op.which % posted.length].id}/cancel`);
  ok(res.statusCode);
  if (res.statusCode !== 200) expect(res.json().errors?.[0]?.field).toBe('allocations');
}

async function checkInvariants(ledgerBefore: string, allocationsBefore: string) {
  const [trial] = await rows<{ difference: string }>(
    'select coalesce(sum(debit) - sum(credit), 0)::text as difference from gl_entries where company_id = $1',
    [books.companyId],
  );
  expect(Number(trial.difference)).toBe(0);
  const balances = await rows<{ counterparty_id: string; gl: string; items: string }>(
    `select c.id as counterparty_id,
       (select coalesce(sum(debit) - sum(credit), 0) from gl_entries g
          where g.account_id = $2 and g.counterparty_id = c.id)::text as gl,
       (select coalesce(sum(outstanding_in_company_currency), 0) from open_items o
          where o.account_id = $2 and o.side = 'receivable' and o.counterparty_id = c.id)::text as items
     from counterparties c where c.id = any($1::uuid[])`,
    [customers, books.account['1100']],
  );
  for (const b of balances)
    expect(new Decimal(b.gl).equals(b.items), `${b.gl} against ${b.items}`).toBe(true);
  // What was written before is still there, unchanged.
  expect((await ledgerSnapshot()).startsWith(ledgerBefore.slice(0, -1))).toBe(true);
  expect((await allocationSnapshot()).startsWith(allocationsBefore.slice(0, -1))).toBe(true);
}

const ledgerSnapshot = async () =>
  JSON.stringify(
    await rows('select id, entry_id, account_id, debit::text, credit::text from gl_entries order by id'),
  );
const allocationSnapshot = async () =>
  JSON.stringify(
    await rows(
      'select id, open_item_id, settled_by_id, amount::text, exchange_entry_id from allocations order by id',
    ),
  );

describe('invoices, payments, allocations, undos and cancels in two currencies', () => {
  it('keep the trial balance at zero, the receivable equal to its open items, and the ledgers append-only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 3, maxLength: 14 }), async (ops) => {
        const ledgerBefore = await ledgerSnapshot();
        const allocationsBefore = await allocationSnapshot();
        for (const op of ops) await run(op);
        await checkInvariants(ledgerBefore, allocationsBefore);
      }),
      { numRuns: 25 },
    );
    // The runs did reach the interesting parts: allocations, their undoing, exchange entries.
    const [done] = await rows<{ allocations: number; undone: number; exchanges: number }>(
      `select (select count(*)::int from allocations) as allocations,
              (select count(*)::int from allocations where undoes_id is not null) as undone,
              (select count(*)::int from journal_entries where source_type = 'allocation') as exchanges`,
    );
    expect(done.allocations).toBeGreaterThan(0);
    console.info('property run:', done);
  }, 240_000);
});
