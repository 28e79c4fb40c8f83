import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCounterparty,
  type InvoicingBooks,
  invoiceBody,
  setUpInvoicingBooks,
} from '../peer/invoicing-books.js';
import { expectProblem } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: InvoicingBooks;
let customer: string;
let vat: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  customer = await createCounterparty(admin, 'One Call Customer AG');
  const tax = await admin.post('/api/v1/taxes', {
    companyId: books.companyId,
    name: 'VAT 20%',
    ratePercent: '20',
    salesAccountId: books.account['2100'],
    purchaseAccountId: books.account['1300'],
  });
  expect(tax.statusCode, tax.body).toBe(201);
  vat = tax.json().id;
});
afterAll(() => t.close());

const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

const body = (extra: Record<string, unknown> = {}) =>
  invoiceBody(
    books,
    customer,
    [
      { quantity: '3', unitPrice: '10.25', taxIds: [vat] },
      { quantity: '1', unitPrice: '4.10' },
    ],
    extra,
  );

async function entryOf(invoiceId: string) {
  const [row] = await t.database.query<{ number: string; memo: string; status: string }>(
    `select number, memo, status from journal_entries where source_id = '${invoiceId}'`,
  );
  return row;
}

describe('posting an invoice', () => {
  it('with post: true drafts and posts in one call; the answer is what a read shows', async () => {
    const res = await admin.post('/api/v1/invoices', body({ post: true }));
    expect(res.statusCode, res.body).toBe(201);
    const posted = res.json();
    expect(posted).toMatchObject({
      status: 'posted',
      number: 'INV-2026-00001',
      netTotal: '34.8500',
      taxTotal: '6.1500',
      grossTotal: '41.0000',
    });
    expect(posted.openItems).toMatchObject([
      { amount: '41.0000', outstanding: '41.0000', allocated: '0.0000' },
    ]);
    expect((await admin.get(`/api/v1/invoices/${posted.id}`)).json()).toEqual(posted);
    expect(await entryOf(posted.id)).toEqual({
      number: 'SAL-2026-00001',
      memo: 'Invoice INV-2026-00001',
      status: 'posted',
    });
  });

  it('drafted, then posted: the posting answer is what a read shows', async () => {
    const draft = await admin.post('/api/v1/invoices', body());
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', number: null, openItems: [] });
    expect((await admin.get(`/api/v1/invoices/${draft.json().id}`)).json()).toEqual(draft.json());
    const posted = await admin.post(`/api/v1/invoices/${draft.json().id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().number).toBe('INV-2026-00002');
    expect((await admin.get(`/api/v1/invoices/${draft.json().id}`)).json()).toEqual(posted.json());
    expect((await entryOf(draft.json().id)).memo).toBe('Invoice INV-2026-00002');
  });

  it('a draft whose rate changed before posting is posted at the rate of its date then', async () => {
    // No USD rate yet: the draft is refused, naming the currency.
    expectProblem(
      await admin.post('/api/v1/invoices', body({ currency: 'USD', invoiceDate: '2026-04-10' })),
      422,
      'currency',
    );
    const rate = await admin.post('/api/v1/exchange-rates', {
      baseCurrency: 'USD',
      quoteCurrency: 'EUR',
      validOn: '2026-04-01',
      rate: '0.5',
    });
    expect(rate.statusCode, rate.body).toBeLessThan(300);
    const saved = (
      await admin.post('/api/v1/invoices', body({ currency: 'USD', invoiceDate: '2026-04-10' }))
    ).json();
    expect(saved.grossInCompanyCurrency).toBe('20.5000');
    await admin.post('/api/v1/exchange-rates', {
      baseCurrency: 'USD',
      quoteCurrency: 'EUR',
      validOn: '2026-04-05',
      rate: '0.8',
    });
    const posted = await admin.post(`/api/v1/invoices/${saved.id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ grossInCompanyCurrency: '32.8000' });
    expect(posted.json().rate).toMatch(/^0\.80*$/);
    expect((await admin.get(`/api/v1/invoices/${saved.id}`)).json()).toEqual(posted.json());
  });

  it('a refused posting with post: true saves no draft and takes no number', async () => {
    const [period] = await t.database.query<{ id: string }>(
      `select id from fiscal_periods where company_id = '${books.companyId}' and starts_on = '2026-02-01'`,
    );
    const closed = await admin.post(`/api/v1/fiscal-periods/${period.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    // A bookkeeper may not post into a closed period (the admin may).
    const role = await admin.post('/api/v1/roles', {
      name: 'Bookkeeper',
      permissions: ['accounting:read', 'accounting:write'],
    });
    const user = await admin.post('/api/v1/users', {
      email: 'clerk@acme.test',
      name: 'Clerk',
      password: 'long enough 123',
      roleIds: [role.json().id],
    });
    expect(user.statusCode, user.body).toBe(201);
    const clerk = await t.login('clerk@acme.test', 'long enough 123');
    const before = [await count('invoices'), await count('open_items'), await count('journal_entries')];
    const res = await clerk.post('/api/v1/invoices', body({ post: true, invoiceDate: '2026-02-10' }));
    expectProblem(res, 409, 'postingDate');
    expect([await count('invoices'), await count('open_items'), await count('journal_entries')]).toEqual(
      before,
    );
    const next = await admin.post('/api/v1/invoices', body({ post: true }));
    expect(next.json().number).toBe('INV-2026-00004');
  });

  it('numbers past 99999 keep every digit', async () => {
    await t.database.query(
      `update numbering_series set next_number = 123456 where company_id = '${books.companyId}' and key = 'invoice:customer_invoice'`,
    );
    const res = await admin.post('/api/v1/invoices', body({ post: true }));
    expect(res.json().number).toBe('INV-2026-123456');
  });
});
