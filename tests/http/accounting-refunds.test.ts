import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCounterparty,
  type InvoicingBooks,
  invoiceBody,
  postInvoice,
  postPayment,
  recordRate,
  setUpInvoicingBooks,
} from '../peer/invoicing-books.js';
import { expectProblem } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;

const count = async (table: string) =>
  Number((await t.database.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0].n);
const glOf = async (entryId: string) =>
  (
    await t.database.query<{ account_id: string; debit: string; credit: string }>(
      'select account_id, debit::text, credit::text from gl_entries where entry_id = $1 order by line_no',
      [entryId],
    )
  ).map((r) => [r.account_id, r.debit, r.credit]);
/** The counterparty's balance on an account in the GL, and what its open items still say. */
async function balances(counterpartyId: string, accountCode: string) {
  const [gl] = await t.database.query<{ balance: string }>(
    `select coalesce(sum(debit - credit), 0)::numeric(19,2)::text as balance from gl_entries
      where counterparty_id = $1 and account_id = $2`,
    [counterpartyId, books.account[accountCode]],
  );
  const [items] = await t.database.query<{ balance: string }>(
    `select coalesce(sum(outstanding_in_company_currency), 0)::numeric(19,2)::text as balance
       from open_items where counterparty_id = $1`,
    [counterpartyId],
  );
  return [gl.balance, items.balance];
}
const creditNote = (counterpartyId: string, amount: string, extra: Record<string, unknown> = {}) =>
  postInvoice(
    admin,
    invoiceBody(books, counterpartyId, [{ quantity: '1', unitPrice: amount }], {
      kind: 'customer_credit_note',
      ...extra,
    }),
  );
const draftRefund = (body: Record<string, unknown>) =>
  admin.post('/api/v1/payments', {
    companyId: books.companyId,
    direction: 'out',
    journalId: books.journal.BNK,
    paymentDate: '2026-02-01',
    isRefund: true,
    ...body,
  });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  await recordRate(admin, 'USD', 'EUR', '2026-01-01', '0.9');
  await recordRate(admin, 'USD', 'EUR', '2026-02-10', '0.92');
});
afterAll(() => t.close());

describe('refunding a customer', () => {
  it('a refund of a credit note: Dr receivable / Cr bank, and by due date it settles the credit', async () => {
    const customer = await createCounterparty(admin, 'Delta Retail');
    const note = await creditNote(customer, '120');
    expect(note.openItems[0].outstanding).toBe('-120.0000');
    const refund = await postPayment(
      admin,
      books,
      { counterpartyId: customer, amount: '120', direction: 'out', isRefund: true },
      { allocate: 'by_due_date' },
    );
    expect([refund.isRefund, refund.openItem.side, refund.openItem.amount]).toEqual([
      true,
      'receivable',
      '120.0000',
    ]);
    expect(await glOf(refund.journalEntryId)).toEqual([
      [books.account['1010'], '0.0000', '120.0000'],
      [books.account['1100'], '120.0000', '0.0000'],
    ]);
    expect(refund.allocations.map((a: any) => [a.openItemId, a.settledById, a.amount])).toEqual([
      [note.openItems[0].id, refund.openItem.id, '120.0000'],
    ]);
    expect(refund.openItem.outstanding).toBe('0.0000');
    const [item] = (await admin.get(`/api/v1/invoices/${note.id}`)).json().openItems;
    expect(item.outstanding).toBe('0.0000');
    expect(await balances(customer, '1100')).toEqual(['0.00', '0.00']);
  });

  it('a refund of an advance, allocated explicitly; more than the advance is a 422 that writes nothing', async () => {
    const customer = await createCounterparty(admin, 'Echo Foods');
    const advance = await postPayment(admin, books, {
      counterpartyId: customer,
      amount: '300',
      paymentDate: '2026-01-20',
    });
    const draft = await draftRefund({ counterpartyId: customer, amount: '500' });
    expect(draft.statusCode, draft.body).toBe(201);
    const posted = await admin.post(`/api/v1/payments/${draft.json().id}/post`, {});
    expect(posted.statusCode, posted.body).toBe(200);
    const before = await count('allocations');
    const tooMuch = await admin.post(`/api/v1/payments/${draft.json().id}/allocations`, {
      openItemId: advance.openItem.id,
      amount: '500',
    });
    expectProblem(tooMuch, 422, 'amount');
    expect(tooMuch.json().errors[0].reason).toContain('300');
    expect(await count('allocations')).toBe(before);

    const res = await admin.post(`/api/v1/payments/${draft.json().id}/allocations`, {
      openItemId: advance.openItem.id,
      amount: '300',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().openItem.outstanding).toBe('200.0000');
    const advanceNow = (await admin.get(`/api/v1/payments/${advance.id}`)).json();
    expect(advanceNow.openItem.outstanding).toBe('0.0000');
    // 200 paid out beyond the credit: the customer owes it back.
    expect(await balances(customer, '1100')).toEqual(['200.00', '200.00']);
  });

  it('a refund with no credit to settle posts and stays open; a later credit note settles it', async () => {
    const customer = await createCounterparty(admin, 'Foxglove Café');
    const refund = await postPayment(
      admin,
      books,
      { counterpartyId: customer, amount: '50', direction: 'out', isRefund: true },
      { allocate: 'by_due_date' },
    );
    expect([refund.openItem.outstanding, refund.allocations]).toEqual(['50.0000', []]);
    const note = await creditNote(customer, '50', { invoiceDate: '2026-02-03' });
    const res = await admin.post(`/api/v1/open-items/${note.openItems[0].id}/allocations`, {
      openItemId: refund.openItem.id,
      amount: '50',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await balances(customer, '1100')).toEqual(['0.00', '0.00']);
  });

  it('a foreign refund at another rate books the realised difference', async () => {
    const customer = await createCounterparty(admin, 'Gulf Traders');
    const note = await creditNote(customer, '100', { currency: 'USD' });
    expect(note.openItems[0].outstandingInCompanyCurrency).toBe('-90.0000');
    const refund = await postPayment(
      admin,
      books,
      {
        counterpartyId: customer,
        amount: '100',
        currency: 'USD',
        direction: 'out',
        isRefund: true,
        paymentDate: '2026-02-10',
      },
      { allocate: 'by_due_date' },
    );
    const [allocation] = refund.allocations;
    expect([allocation.amount, allocation.amountAtItemRate, allocation.amountAtSettlingRate]).toEqual([
      '100.0000',
      '90.0000',
      '92.0000',
    ]);
    // 92 EUR paid back for a credit booked at 90: a loss of 2.
    expect(await glOf(allocation.exchangeEntryId)).toEqual([
      [books.account['1100'], '0.0000', '2.0000'],
      [books.account['6900'], '2.0000', '0.0000'],
    ]);
    expect(await balances(customer, '1100')).toEqual(['0.00', '0.00']);
  });

  it('cancelling a refund undoes its allocations and reopens the credit', async () => {
    const customer = await createCounterparty(admin, 'Harbor Books');
    const note = await creditNote(customer, '40');
    const refund = await postPayment(
      admin,
      books,
      { counterpartyId: customer, amount: '40', direction: 'out', isRefund: true },
      { allocate: 'by_due_date' },
    );
    const res = await admin.post(`/api/v1/payments/${refund.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    const [item] = (await admin.get(`/api/v1/invoices/${note.id}`)).json().openItems;
    expect([item.outstanding, item.outstandingInCompanyCurrency]).toEqual(['-40.0000', '-40.0000']);
    expect(await balances(customer, '1100')).toEqual(['-40.00', '-40.00']);
  });
});

describe('a supplier refunding us', () => {
  it('money in against a supplier credit note: Dr bank / Cr payable, settling the credit', async () => {
    const supplier = await createCounterparty(admin, 'Iris Components');
    const note = await postInvoice(admin, {
      ...invoiceBody(books, supplier, [], { kind: 'supplier_credit_note' }),
      lines: [
        { description: 'Returned parts', accountId: books.account['5000'], quantity: '1', unitPrice: '80' },
      ],
    });
    expect([note.openItems[0].side, note.openItems[0].outstanding]).toEqual(['payable', '-80.0000']);
    const refund = await postPayment(
      admin,
      books,
      { counterpartyId: supplier, amount: '80', direction: 'in', isRefund: true },
      { allocate: 'by_due_date' },
    );
    expect([refund.openItem.side, refund.openItem.amount, refund.openItem.outstanding]).toEqual([
      'payable',
      '80.0000',
      '0.0000',
    ]);
    expect(await glOf(refund.journalEntryId)).toEqual([
      [books.account['1010'], '80.0000', '0.0000'],
      [books.account['2000'], '0.0000', '80.0000'],
    ]);
    const [gl] = await balances(supplier, '2000');
    expect(gl).toBe('0.00');
  });
});

describe('the list and bad input', () => {
  it('the payment list marks refunds', async () => {
    const res = await admin.get(`/api/v1/payments?companyId=${books.companyId}&limit=200`);
    const refunds = res.json().items.filter((p: any) => p.isRefund);
    expect(refunds).toHaveLength(6);
    expect(res.json().items.filter((p: any) => !p.isRefund)).toHaveLength(1);
  });

  it('isRefund must be a boolean', async () => {
    const counterpartyId = await createCounterparty(admin, 'Juniper Ltd');
    expectProblem(await draftRefund({ counterpartyId, amount: '10', isRefund: 'maybe' }), 422, 'isRefund');
  });

  it('a normal payment cannot be allocated to a credit note (it has no debt to settle it with)', async () => {
    const customer = await createCounterparty(admin, 'Kestrel Co');
    const note = await creditNote(customer, '10');
    const payment = await postPayment(admin, books, { counterpartyId: customer, amount: '10' });
    const res = await admin.post(`/api/v1/payments/${payment.id}/allocations`, {
      openItemId: note.openItems[0].id,
      amount: '10',
    });
    expectProblem(res, 422, 'openItemId');
  });
});
