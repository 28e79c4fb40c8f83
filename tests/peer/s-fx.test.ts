import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import {
  createCompany,
  createCounterparty,
  type InvoicingBooks,
  invoiceBody,
  postInvoice,
  postPayment,
  recordRate,
  setUpInvoicingBooks,
} from './invoicing-books.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;
let customer: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, await createCompany(admin, 'Acme India', 'INR'));
  customer = await createCounterparty(admin, 'Dollar Buyer Inc');
  await recordRate(admin, 'USD', 'INR', '2026-01-15', '80');
  await recordRate(admin, 'USD', 'INR', '2026-02-01', '75.9');
});
afterAll(() => t.close());

const entry = async (id: string) =>
  (await t.database.query<any>('select * from journal_entries where id = $1', [id]))[0];
const glOf = async (entryId: string) =>
  t.database.query<{ account_id: string; debit: string; credit: string }>(
    'select account_id, debit::text, credit::text from gl_entries where entry_id = $1 order by line_no',
    [entryId],
  );

describe('S-FX-1: an exchange difference on payment, in a company keeping its books in INR', () => {
  let invoice: any;
  let payment: any;

  it('a customer invoice of 1 USD at 80 is a receivable of 80 INR', async () => {
    invoice = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '1' }], { currency: 'USD' }),
    );
    expect([invoice.rate, invoice.grossTotal, invoice.grossInCompanyCurrency]).toEqual([
      '80.0000000000',
      '1.0000',
      '80.0000',
    ]);
  });

  it('a payment of 1 USD at 75.9 settles it: outstanding 0 USD and 0 INR, and one exchange entry of a 4.10 INR loss', async () => {
    payment = await postPayment(admin, books, { counterpartyId: customer, amount: '1', currency: 'USD' });
    const res = await admin.post(`/api/v1/payments/${payment.id}/allocations`, {
      openItemId: invoice.openItems[0].id,
      amount: '1',
    });
    expect(res.statusCode, res.body).toBe(200);
    payment = res.json();
    const [item] = (await admin.get(`/api/v1/invoices/${invoice.id}`)).json().openItems;
    expect([item.outstanding, item.outstandingInCompanyCurrency]).toEqual(['0.0000', '0.0000']);
    expect([payment.openItem.outstanding, payment.openItem.outstandingInCompanyCurrency]).toEqual([
      '0.0000',
      '0.0000',
    ]);

    expect(payment.allocations).toHaveLength(1);
    const [allocation] = payment.allocations;
    expect([allocation.amount, allocation.amountAtItemRate, allocation.amountAtSettlingRate]).toEqual([
      '1.0000',
      '80.0000',
      '75.9000',
    ]);
    // Linked to both documents: the allocation names the invoice's item and the payment.
    expect([allocation.openItemId, allocation.paymentId]).toEqual([invoice.openItems[0].id, payment.id]);
    const exchange = await entry(allocation.exchangeEntryId);
    expect([exchange.source_type, exchange.source_id, exchange.status, exchange.currency]).toEqual([
      'allocation',
      allocation.id,
      'posted',
      'INR',
    ]);
    expect((await glOf(exchange.id)).map((r) => [r.account_id, r.debit, r.credit])).toEqual([
      [books.account['1100'], '0.0000', '4.1000'],
      [books.account['6900'], '4.1000', '0.0000'],
    ]);
    const exchangeEntries = await t.database.query('select id from journal_entries where source_type = $1', [
      'allocation',
    ]);
    expect(exchangeEntries).toHaveLength(1);
  });

  it('cancelling the payment puts back 1 USD / 80 INR outstanding and reverses the exchange entry', async () => {
    const res = await admin.post(`/api/v1/payments/${payment.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    const [item] = (await admin.get(`/api/v1/invoices/${invoice.id}`)).json().openItems;
    expect([item.outstanding, item.outstandingInCompanyCurrency]).toEqual(['1.0000', '80.0000']);

    const [allocation, undo] = res.json().allocations;
    expect(undo.undoesId).toBe(allocation.id);
    expect(undo.amount).toBe('-1.0000');
    const exchange = await entry(allocation.exchangeEntryId);
    expect(exchange.status).toBe('cancelled');
    expect(exchange.reversed_by_id).toBe(undo.exchangeEntryId);
    expect((await glOf(undo.exchangeEntryId)).map((r) => [r.account_id, r.debit, r.credit])).toEqual([
      [books.account['1100'], '4.1000', '0.0000'],
      [books.account['6900'], '0.0000', '4.1000'],
    ]);
    // The receivable is back to the invoice's 80 INR.
    const [balance] = await t.database.query<{ balance: string }>(
      'select (sum(debit) - sum(credit))::text as balance from gl_entries where account_id = $1',
      [books.account['1100']],
    );
    expect(balance.balance).toBe('80.0000');
  });
});
