import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InvoicingBooks, setUpInvoicingBooks } from '../peer/invoicing-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;
const nobody = '0190a1b2-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
});
afterAll(() => t.close());

/** Requests a careless integration might send: each must get a 4xx problem naming what is wrong, never a 500. */
describe('accounting bad input', () => {
  const c = () => books.companyId;
  it.each([
    [
      'a trial balance that ends before it starts',
      'GET',
      () => `/accounting/trial-balance?companyId=${c()}&from=2026-05-01&to=2026-04-01`,
      undefined,
    ],
    [
      'a trial balance of an unknown company',
      'GET',
      () => `/accounting/trial-balance?companyId=${nobody}&from=2026-01-01&to=2026-01-31`,
      undefined,
    ],
    [
      'a general ledger of an unknown account',
      'GET',
      () => `/accounting/general-ledger?companyId=${c()}&accountId=${nobody}&from=2026-01-01&to=2026-01-31`,
      undefined,
    ],
    [
      'an aging of an unknown side',
      'GET',
      () => `/accounting/aging?companyId=${c()}&side=sideways`,
      undefined,
    ],
    [
      'an invoice with a quantity that is no number',
      'POST',
      () => '/invoices',
      () => ({
        companyId: c(),
        kind: 'customer_invoice',
        counterpartyId: nobody,
        invoiceDate: '2026-01-15',
        lines: [{ description: 'x', accountId: books.account['4000'], quantity: 'abc', unitPrice: '1' }],
      }),
    ],
    [
      'an invoice for an unknown counterparty',
      'POST',
      () => '/invoices',
      () => ({
        companyId: c(),
        kind: 'customer_invoice',
        counterpartyId: nobody,
        invoiceDate: '2026-01-15',
        lines: [{ description: 'x', accountId: books.account['4000'], quantity: '1', unitPrice: '1' }],
      }),
    ],
    [
      'an invoice line on an unknown account',
      'POST',
      () => '/invoices',
      () => ({
        companyId: c(),
        kind: 'customer_invoice',
        counterpartyId: nobody,
        invoiceDate: '2026-01-15',
        lines: [{ description: 'x', accountId: nobody, quantity: '1', unitPrice: '1' }],
      }),
    ],
    [
      'a negative payment',
      'POST',
      () => '/payments',
      () => ({
        companyId: c(),
        direction: 'in',
        counterpartyId: nobody,
        journalId: books.journal.BNK,
        paymentDate: '2026-01-15',
        amount: '-5',
      }),
    ],
    [
      'a journal entry in an unknown journal',
      'POST',
      () => '/journal-entries',
      () => ({
        companyId: c(),
        journalId: nobody,
        postingDate: '2026-01-15',
        lines: [
          { accountId: books.account['1010'], debit: '1' },
          { accountId: books.account['4000'], credit: '1' },
        ],
      }),
    ],
    ['posting an entry that does not exist', 'POST', () => `/journal-entries/${nobody}/post`, undefined],
  ])('%s', async (_, method, path, body) => {
    const res =
      method === 'GET' ? await admin.get(`/api/v1${path()}`) : await admin.post(`/api/v1${path()}`, body?.());
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
