import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import {
  createCounterparty,
  type InvoicingBooks,
  invoiceBody,
  postInvoice,
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
  customer = await createCounterparty(admin, 'Tax Customer GmbH');
});
afterAll(() => t.close());

async function tax(name: string, ratePercent: string) {
  const res = await admin.post('/api/v1/taxes', {
    companyId: books.companyId,
    name,
    ratePercent,
    salesAccountId: books.account['2100'],
    purchaseAccountId: books.account['1300'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function setRounding(taxRounding: 'per_line' | 'total') {
  const res = await admin.put(`/api/v1/accounting/settings?companyId=${books.companyId}`, { taxRounding });
  expect(res.statusCode, res.body).toBe(200);
}

/** The GL rows of an entry as [account code, debit, credit]. */
async function glRows(entryId: string) {
  const code = Object.fromEntries(Object.entries(books.account).map(([c, id]) => [id, c]));
  const rows = await t.database.query<{ account_id: string; debit: string; credit: string }>(
    'select account_id, debit::text, credit::text from gl_entries where entry_id = $1 order by line_no',
    [entryId],
  );
  return rows.map((r) => [code[r.account_id], r.debit, r.credit]);
}

describe('S-TAX-1: tax on the net', () => {
  it('1 x 50 with 9 % on the net: tax 4.50, total 54.50, booked Dr receivable 54.50 / Cr sales 50.00 / Cr VAT 4.50', async () => {
    const vat9 = await tax('VAT 9', '9');
    const invoice = await postInvoice(
      admin,
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '50', taxIds: [vat9] }]),
    );
    expect([invoice.netTotal, invoice.taxTotal, invoice.grossTotal]).toEqual([
      '50.0000',
      '4.5000',
      '54.5000',
    ]);
    expect(await glRows(invoice.journalEntryId)).toEqual([
      ['1100', '54.5000', '0.0000'],
      ['4000', '0.0000', '50.0000'],
      ['2100', '0.0000', '4.5000'],
    ]);
  });
});

describe('S-TAX-2: the company chooses how tax is rounded', () => {
  let vat21: string;
  const threeLines = () => [1, 2, 3].map(() => ({ quantity: '5', unitPrice: '6.36', taxIds: [vat21] }));

  beforeAll(async () => {
    vat21 = await tax('VAT 21', '21');
  });

  it('rounded per line (the default): 3 x 5 x 6.36 at 21 % gives VAT 20.04, total 115.44', async () => {
    await setRounding('per_line');
    const invoice = await postInvoice(admin, invoiceBody(books, customer, threeLines()));
    expect([invoice.netTotal, invoice.taxTotal, invoice.grossTotal, invoice.taxRounding]).toEqual([
      '95.4000',
      '20.0400',
      '115.4400',
      'per_line',
    ]);
    expect(invoice.lines.map((l: any) => l.tax)).toEqual(['6.6800', '6.6800', '6.6800']);
  });

  it('rounded on the total: the same invoice gives VAT 20.03, total 115.43, and the entry balances', async () => {
    await setRounding('total');
    const invoice = await postInvoice(admin, invoiceBody(books, customer, threeLines()));
    expect([invoice.netTotal, invoice.taxTotal, invoice.grossTotal, invoice.taxRounding]).toEqual([
      '95.4000',
      '20.0300',
      '115.4300',
      'total',
    ]);
    const rows = await glRows(invoice.journalEntryId);
    expect(rows[0]).toEqual(['1100', '115.4300', '0.0000']);
    expect(rows.at(-1)).toEqual(['2100', '0.0000', '20.0300']);
    await setRounding('per_line');
  });
});

describe('taxes refuse what cannot be a tax', () => {
  it.each([['-1'], ['100.01'], ['250']])(
    'a rate of %s %% answers 422 naming ratePercent and writes nothing',
    async (ratePercent) => {
      const before = (await admin.get(`/api/v1/taxes?companyId=${books.companyId}`)).json().items.length;
      const res = await admin.post('/api/v1/taxes', {
        companyId: books.companyId,
        name: `Bad ${ratePercent}`,
        ratePercent,
        salesAccountId: books.account['2100'],
        purchaseAccountId: books.account['1300'],
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: any) => e.field)).toEqual(['ratePercent']);
      expect((await admin.get(`/api/v1/taxes?companyId=${books.companyId}`)).json().items.length).toBe(
        before,
      );
    },
  );
});
