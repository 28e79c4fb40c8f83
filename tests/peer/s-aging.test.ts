import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import {
  createCounterparty,
  type InvoicingBooks,
  invoiceBody,
  postInvoice,
  postPayment,
  setUpInvoicingBooks,
} from './invoicing-books.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;
let customer: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  customer = await createCounterparty(admin, 'Aging Customer AG');
});
afterAll(() => t.close());

describe('S-AGING-1: payment terms drive aging', () => {
  let invoice: any;

  it('an invoice of 100 on 30 / 50 / 20 % terms opens three receivable rows of 30 / 50 / 20', async () => {
    const terms = await admin.post('/api/v1/payment-terms', {
      companyId: books.companyId,
      name: '30/50/20',
      instalments: [
        { percent: '30', days: 30 },
        { percent: '50', days: 60 },
        { percent: '20', days: 90 },
      ],
    });
    expect(terms.statusCode, terms.body).toBe(201);
    invoice = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '100' }], {
        paymentTermsId: terms.json().id,
      }),
    );
    expect(invoice.number).toBe('INV-2026-00001');
    expect(invoice.openItems.map((i: any) => [i.side, i.dueDate, i.amount])).toEqual([
      ['receivable', '2026-02-14', '30.0000'],
      ['receivable', '2026-03-16', '50.0000'],
      ['receivable', '2026-04-15', '20.0000'],
    ]);
  });

  it('a payment of 40 allocated by due date leaves [30, 30, 0], [50, 10, 40], [20, 0, 20]', async () => {
    const payment = await postPayment(
      admin,
      books,
      { counterpartyId: customer, amount: '40' },
      { allocate: 'by_due_date' },
    );
    expect(payment.openItem.outstanding).toBe('0.0000');
    const res = await admin.get(`/api/v1/open-items?companyId=${books.companyId}&invoiceId=${invoice.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: any) => [i.amount, i.allocated, i.outstanding])).toEqual([
      ['30.0000', '30.0000', '0.0000'],
      ['50.0000', '10.0000', '40.0000'],
      ['20.0000', '0.0000', '20.0000'],
    ]);
  });

  it('the aging on 2026-04-20 puts 40 in 31-60 days and 20 in 0-30 days', async () => {
    const res = await admin.get(
      `/api/v1/accounting/aging?companyId=${books.companyId}&side=receivable&asOf=2026-04-20`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toEqual([
      {
        counterpartyId: customer,
        legalName: 'Aging Customer AG',
        buckets: {
          not_due: '0.00',
          '0-30': '20.00',
          '31-60': '40.00',
          '61-90': '0.00',
          '91-120': '0.00',
          '120+': '0.00',
        },
        total: '60.00',
      },
    ]);
    expect(res.json().total).toBe('60.00');
  });

  it('only open items are listed with open=true', async () => {
    const res = await admin.get(
      `/api/v1/open-items?companyId=${books.companyId}&counterpartyId=${customer}&side=receivable&open=true`,
    );
    expect(res.json().items.map((i: any) => i.outstanding)).toEqual(['40.0000', '20.0000']);
  });
});
