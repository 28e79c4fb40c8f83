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
let reader: Client;
let books: InvoicingBooks;
let buyer: string;
let advancer: string;
let supplier: string;
let invoice: any;

const PREVIEW = '/api/v1/accounting/revaluations/preview';
const preview = (query: string) => admin.get(`${PREVIEW}?companyId=${books.companyId}&${query}`);
const count = async (table: string) =>
  Number((await t.database.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0].n);
const glOf = (entryId: string) =>
  t.database.query<{ account_id: string; counterparty_id: string | null; debit: string; credit: string }>(
    `select account_id, counterparty_id, debit::text, credit::text from gl_entries
      where entry_id = $1 order by line_no`,
    [entryId],
  );

/** Receivable and payable per counterparty: in the GL up to a day, and in the open items today. */
async function glByCounterparty(on: string) {
  return t.database.query<{ counterparty_id: string; balance: string }>(
    `select counterparty_id, sum(debit - credit)::numeric(19,2)::text as balance from gl_entries
      where account_id in ($1, $2) and posting_date <= $3 and company_id = $4
      group by counterparty_id order by counterparty_id`,
    [books.account['1100'], books.account['2000'], on, books.companyId],
  );
}
async function openItemsByCounterparty() {
  // A payable's open item is signed as what the company owes: a credit balance in the GL.
  return t.database.query<{ counterparty_id: string; balance: string }>(
    `select counterparty_id,
            sum(case when side = 'receivable' then outstanding_in_company_currency
                     else -outstanding_in_company_currency end)::numeric(19,2)::text as balance
       from open_items where company_id = $1 group by counterparty_id order by counterparty_id`,
    [books.companyId],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  await recordRate(admin, 'USD', 'EUR', '2026-01-01', '0.9');
  await recordRate(admin, 'USD', 'EUR', '2026-01-31', '0.95');
  await recordRate(admin, 'USD', 'EUR', '2026-02-10', '0.92');
  await recordRate(admin, 'GBP', 'EUR', '2026-01-01', '1.15');
  await recordRate(admin, 'GBP', 'EUR', '2026-01-31', '1.2');
  buyer = await createCounterparty(admin, 'Atlas Buyer');
  advancer = await createCounterparty(admin, 'Boreal Advance');
  supplier = await createCounterparty(admin, 'Cobalt Supply');

  // Atlas: 1000 USD at 0.9, 300 paid on 20 January at the same rate, 200 more on 10 February.
  invoice = await postInvoice(
    admin,
    invoiceBody(books, buyer, [{ quantity: '1', unitPrice: '1000' }], {
      currency: 'USD',
      invoiceDate: '2026-01-10',
    }),
  );
  await postPayment(
    admin,
    books,
    { counterpartyId: buyer, amount: '300', currency: 'USD', paymentDate: '2026-01-20' },
    { allocate: 'by_due_date' },
  );
  await postPayment(
    admin,
    books,
    { counterpartyId: buyer, amount: '200', currency: 'USD', paymentDate: '2026-02-10' },
    { allocate: 'by_due_date' },
  );
  // Boreal: an advance of 100 USD at 0.9 with nothing to settle.
  await postPayment(admin, books, {
    counterpartyId: advancer,
    amount: '100',
    currency: 'USD',
    paymentDate: '2026-01-25',
  });
  // Cobalt: a supplier invoice of 500 GBP at 1.15.
  await postInvoice(admin, {
    ...invoiceBody(books, supplier, [{ quantity: '1', unitPrice: '500' }], {
      currency: 'GBP',
      invoiceDate: '2026-01-15',
      kind: 'supplier_invoice',
    }),
    lines: [{ description: 'Parts', accountId: books.account['5000'], quantity: '1', unitPrice: '500' }],
  });
  // Neither a company-currency invoice nor a cancelled one is revalued.
  await postInvoice(admin, invoiceBody(books, buyer, [{ quantity: '1', unitPrice: '70' }]));
  const cancelled = await postInvoice(
    admin,
    invoiceBody(books, buyer, [{ quantity: '1', unitPrice: '55' }], { currency: 'USD' }),
  );
  expect((await admin.post(`/api/v1/invoices/${cancelled.id}/cancel`)).statusCode).toBe(200);

  const role = await admin.post('/api/v1/roles', { name: 'Reader', permissions: ['accounting:read'] });
  const user = await admin.post('/api/v1/users', {
    email: 'reader@acme.test',
    name: 'Reader',
    password: 'long enough 123',
    roleIds: [role.json().id],
  });
  expect(user.statusCode, user.body).toBe(201);
  reader = await t.login('reader@acme.test', 'long enough 123');
});
afterAll(() => t.close());

describe('previewing a revaluation on 31 January', () => {
  it('revalues each open foreign item as it stood on the date, at the rate of the date', async () => {
    const res = await preview('date=2026-01-31');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect([body.date, body.reversalDate, body.currency]).toEqual(['2026-01-31', '2026-02-01', 'EUR']);
    expect(body.rates).toEqual([
      { currency: 'GBP', rate: '1.2' },
      { currency: 'USD', rate: '0.95' },
    ]);
    expect(
      body.items.map((i: any) => [
        i.legalName,
        i.side,
        i.currency,
        i.outstanding,
        i.outstandingInCompanyCurrency,
        i.revaluedInCompanyCurrency,
        i.difference,
      ]),
    ).toEqual([
      // The 200 USD of 10 February is after the date: 700 USD were still open.
      ['Cobalt Supply', 'payable', 'GBP', '500.0000', '575.00', '600.00', '25.00'],
      ['Atlas Buyer', 'receivable', 'USD', '700.0000', '630.00', '665.00', '35.00'],
      ['Boreal Advance', 'receivable', 'USD', '-100.0000', '-90.00', '-95.00', '-5.00'],
    ]);
    expect(body.items[1].invoiceId).toBe(invoice.id);
  });

  it('totals per account and currency, one line per account and counterparty, gain and loss', async () => {
    const body = (await preview('date=2026-01-31')).json();
    expect(
      body.totals.map((r: any) => [
        r.side,
        r.accountId,
        r.currency,
        r.outstanding,
        r.outstandingInCompanyCurrency,
        r.revaluedInCompanyCurrency,
        r.difference,
      ]),
    ).toEqual([
      ['payable', books.account['2000'], 'GBP', '500.0000', '575.00', '600.00', '25.00'],
      ['receivable', books.account['1100'], 'USD', '600.0000', '540.00', '570.00', '30.00'],
    ]);
    expect(body.lines).toEqual([
      { accountId: books.account['2000'], counterpartyId: supplier, amount: '-25.00' },
      { accountId: books.account['1100'], counterpartyId: buyer, amount: '35.00' },
      { accountId: books.account['1100'], counterpartyId: advancer, amount: '-5.00' },
    ]);
    expect([body.gain, body.loss]).toEqual(['35.00', '30.00']);
  });

  it('narrows to a side or a currency', async () => {
    const receivables = (await preview('date=2026-01-31&side=receivable')).json();
    expect(receivables.items.map((i: any) => i.legalName)).toEqual(['Atlas Buyer', 'Boreal Advance']);
    const pounds = (await preview('date=2026-01-31&currency=GBP')).json();
    expect(pounds.items.map((i: any) => i.legalName)).toEqual(['Cobalt Supply']);
    expect([pounds.gain, pounds.loss]).toEqual(['0.00', '25.00']);
  });

  it('a reader may preview but not post', async () => {
    const res = await reader.get(`${PREVIEW}?companyId=${books.companyId}&date=2026-01-31`);
    expect(res.statusCode).toBe(200);
    const post = await reader.post('/api/v1/accounting/revaluations', {
      companyId: books.companyId,
      date: '2026-01-31',
    });
    expect(post.statusCode).toBe(403);
  });
});

describe('posting and cancelling', () => {
  let revaluation: any;

  it('posts one entry on the date in the general journal and its reversal the next day', async () => {
    const res = await admin.post('/api/v1/accounting/revaluations', {
      companyId: books.companyId,
      date: '2026-01-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    revaluation = res.json();
    expect(revaluation).toMatchObject({
      date: '2026-01-31',
      status: 'posted',
      gain: '35.00',
      loss: '30.00',
      reversalDate: '2026-02-01',
      // GEN-2026-00001 is the realised difference of the February allocation.
      entryNumber: 'GEN-2026-00002',
      reversalEntryNumber: 'GEN-2026-00003',
    });
    const [entry] = await t.database.query<any>(
      'select source_type, source_id, journal_id, posting_date::text from journal_entries where id = $1',
      [revaluation.entryId],
    );
    expect([entry.source_type, entry.source_id, entry.journal_id, entry.posting_date]).toEqual([
      'revaluation',
      revaluation.id,
      books.journal.GEN,
      '2026-01-31',
    ]);
    const rows = (lines: Awaited<ReturnType<typeof glOf>>) =>
      lines.map((l) => [l.account_id, l.counterparty_id, l.debit, l.credit]);
    expect(rows(await glOf(revaluation.entryId))).toEqual([
      [books.account['2000'], supplier, '0.0000', '25.0000'],
      [books.account['1100'], buyer, '35.0000', '0.0000'],
      [books.account['1100'], advancer, '0.0000', '5.0000'],
      [books.account['4900'], null, '0.0000', '35.0000'],
      [books.account['6900'], null, '30.0000', '0.0000'],
    ]);
    expect(rows(await glOf(revaluation.reversalEntryId))).toEqual([
      [books.account['2000'], supplier, '25.0000', '0.0000'],
      [books.account['1100'], buyer, '0.0000', '35.0000'],
      [books.account['1100'], advancer, '5.0000', '0.0000'],
      [books.account['4900'], null, '35.0000', '0.0000'],
      [books.account['6900'], null, '0.0000', '30.0000'],
    ]);
  });

  it('on the date the GL carries the items at the new rate; from the next day at their own again', async () => {
    const onTheDate = await glByCounterparty('2026-01-31');
    // Atlas: 700 USD at 0.95 and its 70 EUR invoice.
    const expected = new Map([
      [buyer, '735.00'],
      [advancer, '-95.00'],
      [supplier, '-600.00'],
    ]);
    for (const row of onTheDate)
      if (expected.has(row.counterparty_id)) expect(row.balance).toBe(expected.get(row.counterparty_id));
    // Today (after the reversal and the February payment): the GL equals the open items.
    expect(await glByCounterparty('2026-12-31')).toEqual(await openItemsByCounterparty());
    // The realised difference of February is from the item's own rate: 200 × (0.92 − 0.9) = 4.00.
    const [realised] = await t.database.query<{ credit: string }>(
      `select g.credit::text from gl_entries g join journal_entries e on e.id = g.entry_id
        where e.source_type = 'allocation' and g.account_id = $1`,
      [books.account['4900']],
    );
    expect(realised.credit).toBe('4.0000');
  });

  it('the trial balance still sums to zero', async () => {
    const res = await admin.get(
      `/api/v1/accounting/trial-balance?companyId=${books.companyId}&from=2026-01-01&to=2026-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const { totals } = res.json();
    expect(totals.periodDebit).toBe(totals.periodCredit);
    expect(totals.closingDebit).toBe(totals.closingCredit);
  });

  it('the open items keep their own amounts', async () => {
    const [item] = (await admin.get(`/api/v1/invoices/${invoice.id}`)).json().openItems;
    expect([item.outstanding, item.outstandingInCompanyCurrency]).toEqual(['500.0000', '450.0000']);
  });

  it('revaluing the same date again is refused with 409 and writes nothing', async () => {
    const before = await count('journal_entries');
    const res = await admin.post('/api/v1/accounting/revaluations', {
      companyId: books.companyId,
      date: '2026-01-31',
      side: 'payable',
    });
    expectProblem(res, 409, 'date');
    expect(res.json().detail).toContain('GEN-2026-00002');
    expect(await count('journal_entries')).toBe(before);
  });

  it('cancelling reverses both entries, and the date can be revalued again', async () => {
    const res = await admin.post(`/api/v1/accounting/revaluations/${revaluation.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    const entries = await t.database.query<{ source_type: string; status: string; posting_date: string }>(
      `select source_type, status, posting_date::text from journal_entries where source_id = $1
        order by posting_date, reverses_id is not null`,
      [revaluation.id],
    );
    expect(entries.map((e) => [e.source_type, e.status, e.posting_date])).toEqual([
      ['revaluation', 'cancelled', '2026-01-31'],
      ['revaluation', 'posted', '2026-01-31'],
      ['revaluation_reversal', 'cancelled', '2026-02-01'],
      ['revaluation_reversal', 'posted', '2026-02-01'],
    ]);
    expect((await glByCounterparty('2026-01-31')).find((r) => r.counterparty_id === buyer)?.balance).toBe(
      '700.00',
    );
    expectProblem(await admin.post(`/api/v1/accounting/revaluations/${revaluation.id}/cancel`), 409, 'id');

    const again = await admin.post('/api/v1/accounting/revaluations', {
      companyId: books.companyId,
      date: '2026-01-31',
      currency: 'USD',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect([again.json().gain, again.json().loss]).toEqual(['35.00', '5.00']);
    const list = await admin.get(`/api/v1/accounting/revaluations?companyId=${books.companyId}`);
    expect(list.json().items.map((r: any) => [r.date, r.status, r.gain, r.loss])).toEqual([
      ['2026-01-31', 'cancelled', '35.00', '30.00'],
      ['2026-01-31', 'posted', '35.00', '5.00'],
    ]);
    const one = await admin.get(`/api/v1/accounting/revaluations/${again.json().id}`);
    expect(one.json().reversalDate).toBe('2026-02-01');
  });
});

describe('bad input', () => {
  it.each([
    ['a date that is not one', 'date=2026-13-40', 'date'],
    ['no date', '', 'date'],
    ['a side that does not exist', 'date=2026-01-31&side=both', 'side'],
    ['the company currency', 'date=2026-01-31&currency=EUR', 'currency'],
  ])('%s: 422 naming the field', async (_name, query, field) => {
    expectProblem(await preview(query), 422, field);
  });

  it('a currency with no rate on the date: 422 naming the currency, nothing written', async () => {
    const before = await count('journal_entries');
    await t.database.query(
      `delete from exchange_rates where base_currency = 'GBP' and valid_on = '2026-01-31'`,
    );
    await t.database.query(`delete from exchange_rates where base_currency = 'GBP'`);
    const res = await admin.post('/api/v1/accounting/revaluations', {
      companyId: books.companyId,
      date: '2026-02-28',
    });
    expectProblem(res, 422, 'currency');
    expect(res.json().errors[0].reason).toContain('GBP');
    expect(await count('journal_entries')).toBe(before);
  });

  it('nothing to revalue: 422 naming the date', async () => {
    const res = await admin.post('/api/v1/accounting/revaluations', {
      companyId: books.companyId,
      date: '2026-01-05',
    });
    expectProblem(res, 422, 'date');
  });

  it('an unknown revaluation: 404', async () => {
    const res = await admin.post(
      '/api/v1/accounting/revaluations/0190c4e0-0000-7000-8000-000000000000/cancel',
    );
    expect(res.statusCode).toBe(404);
  });
});
