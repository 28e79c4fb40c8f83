import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCounterparty,
  type InvoicingBooks,
  invoiceBody,
  postInvoice,
  setUpInvoicingBooks,
} from '../peer/invoicing-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  const customer = await createCounterparty(admin, 'Dated Customer GmbH');
  for (const invoiceDate of ['2026-01-15', '2026-02-01', '2026-03-10'])
    await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '10' }], { invoiceDate }),
    );
});
afterAll(() => t.close());

describe('invoice lists by date', () => {
  const dates = async (query: string) =>
    (await admin.get(`/api/v1/invoices?companyId=${books.companyId}&sort=invoiceDate${query}`))
      .json()
      .items.map((i: any) => i.invoiceDate);

  it.each([
    ['', ['2026-01-15', '2026-02-01', '2026-03-10']],
    ['&from=2026-02-01', ['2026-02-01', '2026-03-10']],
    ['&to=2026-02-01', ['2026-01-15', '2026-02-01']],
    ['&from=2026-01-16&to=2026-03-09', ['2026-02-01']],
    ['&from=2026-04-01', []],
  ])('filters %j, both days included', async (query, expected) => {
    expect(await dates(query)).toEqual(expected);
  });

  it('names a date that is no date', async () => {
    const res = await admin.get(`/api/v1/invoices?companyId=${books.companyId}&from=2026-02-30`);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.field)).toEqual(['from']);
  });
});

describe('aging edges, bucketed by the database', () => {
  it('puts day 30 in 0-30, day 31 in 31-60, day 120 in 91-120 and day 121 in 120+', async () => {
    const customer = await createCounterparty(admin, 'Edge Customer GmbH');
    // Due on the invoice date (no terms); 2026-06-30 is the day the aging is seen from.
    for (const [invoiceDate, unitPrice] of [
      ['2026-06-30', '1'],
      ['2026-05-31', '2'],
      ['2026-05-30', '4'],
      ['2026-03-02', '8'],
      ['2026-03-01', '16'],
    ])
      await postInvoice(admin, invoiceBody(books, customer, [{ quantity: '1', unitPrice }], { invoiceDate }));
    const aging = (
      await admin.get(`/api/v1/accounting/aging?companyId=${books.companyId}&side=receivable&asOf=2026-06-30`)
    ).json();
    const row = aging.rows.find((r: any) => r.counterpartyId === customer);
    expect(row.buckets).toEqual({
      not_due: '0.00',
      '0-30': '3.00',
      '31-60': '4.00',
      '61-90': '0.00',
      '91-120': '8.00',
      '120+': '16.00',
    });
    expect(row.total).toBe('31.00');
  });
});
