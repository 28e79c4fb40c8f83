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
let customer: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  customer = await createCounterparty(admin, 'Careful Customer SA');
  await recordRate(admin, 'USD', 'EUR', '2026-01-01', '0.9');
});
afterAll(() => t.close());

const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

describe('bad input is refused with a problem naming the field, and nothing is written', () => {
  it('allocating more than an item still owes answers 422 naming amount', async () => {
    const invoice = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '10' }]),
    );
    const payment = await postPayment(admin, books, { counterpartyId: customer, amount: '25' });
    const before = [await count('allocations'), await count('gl_entries')];
    const res = await admin.post(`/api/v1/payments/${payment.id}/allocations`, {
      openItemId: invoice.openItems[0].id,
      amount: '10.01',
    });
    expectProblem(res, 422, 'amount');
    expect(res.json().detail).toContain('10.01');
    expect([await count('allocations'), await count('gl_entries')]).toEqual(before);
    const [item] = (await admin.get(`/api/v1/invoices/${invoice.id}`)).json().openItems;
    expect(item.outstanding).toBe('10.0000');
  });

  it('allocating across currencies answers 422', async () => {
    const invoice = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '10' }], { currency: 'USD' }),
    );
    const payment = await postPayment(admin, books, { counterpartyId: customer, amount: '5' });
    const res = await admin.post(`/api/v1/payments/${payment.id}/allocations`, {
      openItemId: invoice.openItems[0].id,
      amount: '5',
    });
    expectProblem(res, 422, 'openItemId');
    expect(res.json().detail).toContain('USD');
  });

  it('a payment in a currency without a rate for its date answers 422 naming currency', async () => {
    const before = await count('payments');
    const res = await admin.post('/api/v1/payments', {
      companyId: books.companyId,
      direction: 'in',
      counterpartyId: customer,
      journalId: books.journal.BNK,
      paymentDate: '2026-02-01',
      currency: 'JPY',
      amount: '1000',
    });
    expectProblem(res, 422, 'currency');
    expect(res.json().detail).toContain('JPY');
    expect(await count('payments')).toBe(before);
  });

  it('editing or deleting a posted invoice answers 409, and it stays as posted', async () => {
    const body = invoiceBody(books, customer, [{ quantity: '2', unitPrice: '10' }]);
    const invoice = await postInvoice(admin, body);
    const edit = await admin.put(`/api/v1/invoices/${invoice.id}`, { ...body, memo: 'changed' });
    expect(edit.statusCode, edit.body).toBe(409);
    expect(edit.headers['content-type']).toContain('application/problem+json');
    expect(edit.json().detail).toContain(invoice.number);
    const removed = await admin.inject({ method: 'DELETE', url: `/api/v1/invoices/${invoice.id}` });
    expect(removed.statusCode, removed.body).toBe(409);
    const after = (await admin.get(`/api/v1/invoices/${invoice.id}`)).json();
    expect([after.status, after.memo, after.grossTotal]).toEqual(['posted', null, '20.0000']);
  });

  it('payment terms whose instalments do not add up to 100 answer 422', async () => {
    const res = await admin.post('/api/v1/payment-terms', {
      companyId: books.companyId,
      name: 'Half',
      instalments: [{ percent: '50', days: 30 }],
    });
    expectProblem(res, 422, 'instalments');
  });

  it('an invoice with an unknown counterparty answers 422 naming counterpartyId', async () => {
    const res = await admin.post(
      '/api/v1/invoices',
      invoiceBody(books, '01900000-0000-7000-8000-000000000000', [{ quantity: '1', unitPrice: '1' }]),
    );
    expectProblem(res, 422, 'counterpartyId');
  });
});

describe('invoices and payments through their life', () => {
  it('a draft is saved whole, then deleted', async () => {
    const body = invoiceBody(books, customer, [{ quantity: '1', unitPrice: '10' }]);
    const draft = (await admin.post('/api/v1/invoices', body)).json();
    const saved = await admin.put(`/api/v1/invoices/${draft.id}`, {
      ...body,
      lines: [
        ...body.lines,
        { description: 'More', accountId: books.account['4000'], quantity: '3', unitPrice: '2.5' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect([saved.json().lines.length, saved.json().grossTotal]).toEqual([2, '17.5000']);
    const removed = await admin.inject({ method: 'DELETE', url: `/api/v1/invoices/${draft.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await admin.get(`/api/v1/invoices/${draft.id}`)).statusCode).toBe(404);
  });

  it('an invoice with allocations cannot be cancelled (409 naming them); undone, it can', async () => {
    const invoice = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '30' }]),
    );
    const payment = await postPayment(admin, books, { counterpartyId: customer, amount: '30' });
    const allocated = await admin.post(`/api/v1/payments/${payment.id}/allocations`, {
      openItemId: invoice.openItems[0].id,
      amount: '12',
    });
    expect(allocated.statusCode, allocated.body).toBe(200);
    const [allocation] = allocated.json().allocations;
    const refused = await admin.post(`/api/v1/invoices/${invoice.id}/cancel`);
    expectProblem(refused, 409, 'allocations');
    expect(refused.json().detail).toContain(allocation.id);

    expect((await admin.post(`/api/v1/allocations/${allocation.id}/undo`)).statusCode).toBe(200);
    const again = await admin.post(`/api/v1/allocations/${allocation.id}/undo`);
    expect(again.statusCode).toBe(409);
    const cancelled = await admin.post(`/api/v1/invoices/${invoice.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(cancelled.json().openItems[0].outstanding).toBe('0.0000');
  });

  it('a credit note settles an invoice through the open-item allocation', async () => {
    const invoice = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '40' }]),
    );
    const credit = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '15' }], {
        kind: 'customer_credit_note',
        creditsInvoiceId: invoice.id,
      }),
    );
    expect(credit.number).toMatch(/^CN-2026-/);
    expect(credit.openItems[0].amount).toBe('-15.0000');
    const res = await admin.post(`/api/v1/open-items/${credit.openItems[0].id}/allocations`, {
      openItemId: invoice.openItems[0].id,
      amount: '15',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().paymentId).toBeNull();
    const [item] = (await admin.get(`/api/v1/invoices/${invoice.id}`)).json().openItems;
    expect(item.outstanding).toBe('25.0000');
  });

  it('a supplier invoice posts to the payable and is paid out', async () => {
    const supplier = await createCounterparty(admin, 'Supplier Kft');
    const bill = await postInvoice(
      admin,
      invoiceBody(books, supplier, [{ quantity: '1', unitPrice: '70' }], {
        kind: 'supplier_invoice',
        lines: [{ description: 'Rent', accountId: books.account['6000'], quantity: '1', unitPrice: '70' }],
      }),
    );
    expect(bill.openItems[0].side).toBe('payable');
    const payment = await postPayment(
      admin,
      books,
      { counterpartyId: supplier, amount: '70', direction: 'out' },
      { allocate: 'by_due_date' },
    );
    expect(payment.number).toMatch(/^PAY-2026-/);
    const [item] = (await admin.get(`/api/v1/invoices/${bill.id}`)).json().openItems;
    expect(item.outstanding).toBe('0.0000');
  });
});
