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
