import { Decimal } from 'decimal.js';
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
import { pdfText } from '../support/pdf-text.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;
let customer: string;
let vat: string;
let february: any;

const PERIOD = 'from=2026-02-01&to=2026-02-28';
const statementUrl = (counterpartyId: string, extra = '') =>
  `/api/v1/accounting/statements?companyId=${books.companyId}&counterpartyId=${counterpartyId}&${PERIOD}${extra}`;

/** What the GL says the counterparty owes on the receivable account at the end of a day. */
async function receivableInGl(counterpartyId: string, on: string) {
  const [row] = await t.database.query<{ balance: string }>(
    `select coalesce(sum(debit - credit), 0)::text as balance from gl_entries
      where counterparty_id = $1 and account_id = $2 and posting_date <= $3`,
    [counterpartyId, books.account['1100'], on],
  );
  return new Decimal(row.balance).toFixed(2);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  await recordRate(admin, 'USD', 'EUR', '2026-01-01', '0.9');
  const res = await admin.post('/api/v1/counterparties', {
    legalName: 'Бета Трейд ООД',
    taxId: '131468980',
    country: 'BG',
  });
  expect(res.statusCode, res.body).toBe(201);
  customer = res.json().id;
  const tax = await admin.post('/api/v1/taxes', {
    companyId: books.companyId,
    name: 'VAT 20%',
    ratePercent: '20',
    salesAccountId: books.account['2100'],
    purchaseAccountId: books.account['1300'],
  });
  expect(tax.statusCode, tax.body).toBe(201);
  vat = tax.json().id;

  // Before the period: 100 + 20 VAT, the opening balance.
  await postInvoice(
    admin,
    invoiceBody(books, customer, [{ quantity: '1', unitPrice: '100', taxIds: [vat] }], {
      invoiceDate: '2026-01-10',
    }),
  );
  // In the period: 1000 + 200 VAT; 500 paid by due date (120 to January, 380 to February);
  // a credit note of 100 + 20; 100 USD at 0.9; an invoice of 50 posted and cancelled.
  february = await postInvoice(
    admin,
    invoiceBody(books, customer, [{ quantity: '2', unitPrice: '500', taxIds: [vat] }], {
      invoiceDate: '2026-02-05',
    }),
  );
  await postPayment(
    admin,
    books,
    { counterpartyId: customer, amount: '500', paymentDate: '2026-02-10' },
    { allocate: 'by_due_date' },
  );
  await postInvoice(
    admin,
    invoiceBody(books, customer, [{ quantity: '1', unitPrice: '100' }], {
      invoiceDate: '2026-02-12',
      currency: 'USD',
    }),
  );
  await postInvoice(
    admin,
    invoiceBody(books, customer, [{ quantity: '1', unitPrice: '100', taxIds: [vat] }], {
      kind: 'customer_credit_note',
      invoiceDate: '2026-02-15',
      creditsInvoiceId: february.id,
    }),
  );
  const cancelled = await postInvoice(
    admin,
    invoiceBody(books, customer, [{ quantity: '1', unitPrice: '50' }], { invoiceDate: '2026-02-20' }),
  );
  const cancel = await admin.post(`/api/v1/invoices/${cancelled.id}/cancel`);
  expect(cancel.statusCode, cancel.body).toBe(200);
  // After the period: not on the statement.
  await postPayment(admin, books, { counterpartyId: customer, amount: '50', paymentDate: '2026-03-05' });
});
afterAll(() => t.close());

describe('a counterparty statement', () => {
  it('balances: opening plus the movements is the closing, and the closing is the GL receivable', async () => {
    const res = await admin.get(statementUrl(customer));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      currency: 'EUR',
      counterparty: { id: customer, legalName: 'Бета Трейд ООД', taxId: '131468980' },
      openingBalance: '120.00',
      totals: { debit: '1340.00', credit: '670.00' },
      closingBalance: '790.00',
    });
    expect(s.openingBalance).toBe(await receivableInGl(customer, '2026-01-31'));
    expect(s.closingBalance).toBe(await receivableInGl(customer, '2026-02-28'));
    expect(
      s.movements.map((m: any) => [m.date, m.kind, m.debit, m.credit, m.balance, m.amountInCurrency]),
    ).toEqual([
      ['2026-02-05', 'customer_invoice', '1200.00', '0.00', '1320.00', '1200.00'],
      ['2026-02-10', 'payment_in', '0.00', '500.00', '820.00', '-500.00'],
      ['2026-02-12', 'customer_invoice', '90.00', '0.00', '910.00', '100.00'],
      ['2026-02-15', 'customer_credit_note', '0.00', '120.00', '790.00', '-120.00'],
      ['2026-02-20', 'customer_invoice', '50.00', '0.00', '840.00', '50.00'],
      ['2026-02-20', 'cancellation', '0.00', '50.00', '790.00', '-50.00'],
    ]);
    expect(s.movements[0].number).toBe(february.number);
    expect(s.movements[2].currency).toBe('USD');
    expect(s.movements[5].number).toBe(s.movements[4].number);
    const moved = s.movements.reduce(
      (sum: Decimal, m: any) => sum.plus(m.debit).minus(m.credit),
      new Decimal(s.openingBalance),
    );
    expect(moved.toFixed(2)).toBe(s.closingBalance);
    expect(s.movements.at(-1).balance).toBe(s.closingBalance);
  });

  it('prints as an A4 PDF with the parties, the numbers and the closing balance', async () => {
    const res = await admin.get(statementUrl(customer, '&format=pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(res.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfText(res.rawPayload);
    for (const shown of [
      'Acme Ltd',
      'Бета Трейд ООД',
      'Tax id 131468980',
      '2026-02-01 – 2026-02-28',
      february.number,
      '1200.00',
      '120.00',
      '100.00 USD',
      'Cancellation',
      '1340.00',
      '670.00',
      '790.00',
      'Signature, name, position, date',
    ])
      expect(text).toContain(shown);
  });

  it('prints a posted invoice with its lines, taxes, totals and due dates', async () => {
    const res = await admin.get(`/api/v1/invoices/${february.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(res.rawPayload);
    for (const shown of [
      `Invoice ${february.number}`,
      'Date 2026-02-05',
      'Бета Трейд ООД',
      'Line 1',
      '1000.00',
      'VAT 20%',
      '200.00',
      '1200.00',
      february.openItems[0].dueDate,
    ])
      expect(text).toContain(shown);
  });

  it('refuses to print a draft invoice: 409 naming id', async () => {
    const draft = await admin.post(
      '/api/v1/invoices',
      invoiceBody(books, customer, [{ quantity: '1', unitPrice: '5' }]),
    );
    expectProblem(await admin.get(`/api/v1/invoices/${draft.json().id}/pdf`), 409, 'id');
  });
});

describe('a statement asked wrongly answers 422 naming the field', () => {
  it('to before from', async () => {
    const res = await admin.get(
      `/api/v1/accounting/statements?companyId=${books.companyId}&counterpartyId=${customer}&from=2026-02-28&to=2026-02-01`,
    );
    expectProblem(res, 422, 'to');
  });

  it('an unknown counterparty, and another workspace’s the same way', async () => {
    const unknownId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const unknown = await admin.get(statementUrl(unknownId));
    expectProblem(unknown, 422, 'counterpartyId');
    await t.makeTenant('Globex', 'admin@globex.test');
    const other = await t.login('admin@globex.test');
    const theirs = await createCounterparty(other, 'Globex Customer GmbH');
    const foreign = await admin.get(statementUrl(theirs));
    expectProblem(foreign, 422, 'counterpartyId');
    const reason = (res: typeof foreign, id: string) =>
      res.json().errors.map((e: any) => e.reason.replace(id, '<id>'));
    expect(reason(foreign, theirs)).toEqual(reason(unknown, unknownId));
  });
});
