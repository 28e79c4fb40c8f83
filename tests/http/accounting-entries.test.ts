import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Books,
  entryBody,
  expectProblem,
  type LineSpec,
  postEntry,
  setUpBooks,
} from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let clerk: Client;
let books: Books;

const q = <T = any>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
const count = async (table: string) =>
  Number((await q<{ n: string }>(`select count(*)::text as n from ${table}`))[0].n);
const snapshot = async () => ({
  entries: await count('journal_entries'),
  lines: await count('journal_lines'),
  gl: await count('gl_entries'),
});

const trialBalance2026 = async () =>
  (
    await clerk.get(
      `/api/v1/accounting/trial-balance?companyId=${books.companyId}&from=2026-01-01&to=2026-12-31`,
    )
  ).json();

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpBooks(t, admin);
  await admin.post('/api/v1/exchange-rates', {
    baseCurrency: 'USD',
    quoteCurrency: 'EUR',
    validOn: '2026-01-01',
    rate: '0.9137',
  });
  // A bookkeeper: everything in accounting but posting into closed periods.
  const role = await admin.post('/api/v1/roles', {
    name: 'Bookkeeper',
    permissions: ['accounting:read', 'accounting:write', 'accounting:manage'],
  });
  const user = await admin.post('/api/v1/users', {
    email: 'clerk@acme.test',
    name: 'Clerk',
    password: 'long enough 123',
    roleIds: [role.json().id],
  });
  expect(user.statusCode, user.body).toBe(201);
  clerk = await t.login('clerk@acme.test', 'long enough 123');
});
afterAll(() => t.close());

describe('journal entries', () => {
  it('drafts, posts with a number and writes the GL in the company currency', async () => {
    const draft = await clerk.post(
      '/api/v1/journal-entries',
      entryBody(
        books,
        '2026-01-05',
        [
          [books.account['1010'], '1000.00', '0', { description: 'Capital paid in' }],
          [books.account['3000'], '0', '1000.00'],
        ],
        { memo: 'Founding' },
      ),
    );
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      number: null,
      currency: 'EUR',
      rate: '1.0000000000',
    });
    const posted = await clerk.post(`/api/v1/journal-entries/${draft.json().id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({
      status: 'posted',
      number: 'GEN-2026-00001',
      postedIntoClosedPeriod: false,
    });
    expect(posted.json().lines[0]).toMatchObject({
      lineNo: 1,
      debit: '1000.0000',
      debitInCompanyCurrency: '1000.0000',
      description: 'Capital paid in',
    });
    const gl = await q(
      `select debit::text, credit::text, currency from gl_entries where entry_id = $1 order by line_no`,
      [draft.json().id],
    );
    expect(gl).toEqual([
      { debit: '1000.0000', credit: '0.0000', currency: 'EUR' },
      { debit: '0.0000', credit: '1000.0000', currency: 'EUR' },
    ]);
    const list = await clerk.get(`/api/v1/journal-entries?companyId=${books.companyId}&status=posted`);
    expect(list.json().items.map((e: any) => e.number)).toContain('GEN-2026-00001');
  });

  describe('refuses bad lines with a problem naming the field, and writes nothing', () => {
    const UNKNOWN = '0190b0f4-0000-7000-8000-000000000000';
    /** Account ids by code, and two made for these cases: an archived one and one in USD. */
    const made: Record<string, string> = { unknown: UNKNOWN };
    const accountId = (code: string) => made[code] ?? books.account[code];
    beforeAll(async () => {
      const archived = await admin.post('/api/v1/accounts', {
        companyId: books.companyId,
        code: '6999',
        name: 'Old costs',
        type: 'expense',
        parentId: books.account['5'],
      });
      made.archived = archived.json().id;
      await admin.post(`/api/v1/accounts/${made.archived}/archive`);
      const usd = await admin.post('/api/v1/accounts', {
        companyId: books.companyId,
        code: '1011',
        name: 'Bank USD',
        type: 'asset',
        parentId: books.account['10'],
        currency: 'USD',
      });
      made.usd = usd.json().id;
    });

    /** Each line as "account debit credit"; the account by code, or one of those made above. */
    const oneEuro = ['1010 1 0', '3000 0 1'];
    it.each<{
      what: string;
      lines?: string[];
      extra?: Record<string, unknown>;
      date?: string;
      field: string;
    }>([
      { what: 'unknown account', lines: ['unknown 1 0', '1010 0 1'], field: 'lines.0.accountId' },
      { what: 'group account', lines: ['10 1 0', '1010 0 1'], field: 'lines.0.accountId' },
      { what: 'archived account', lines: ['1010 1 0', 'archived 0 1'], field: 'lines.1.accountId' },
      { what: 'account in another currency', lines: ['usd 1 0', '1010 0 1'], field: 'lines.0.accountId' },
      { what: 'a currency without a rate', extra: { currency: 'GBP' }, field: 'currency' },
      {
        what: 'a USD rate before any was recorded',
        date: '2025-12-31',
        extra: { currency: 'USD' },
        field: 'currency',
      },
      { what: 'both sides on one line', lines: ['1010 1 1', '3000 0 1'], field: 'lines.0.credit' },
      {
        what: 'more places than the currency has',
        lines: ['1010 1.005 0', '3000 0 1.005'],
        field: 'lines.0.debit',
      },
      { what: 'a negative amount', lines: ['1010 -1 0', '3000 0 1'], field: 'lines.0.debit' },
      { what: 'a rate other than 1 in the company currency', extra: { rate: '2' }, field: 'rate' },
      { what: 'an unknown journal', lines: [], extra: { journalId: UNKNOWN }, field: 'journalId' },
    ])('$what: 422 naming $field', async ({ lines = oneEuro, extra, date = '2026-01-06', field }) => {
      const before = await snapshot();
      const specs = lines.map((line): LineSpec => {
        const [code, debit, credit] = line.split(' ');
        return [accountId(code), debit, credit];
      });
      expectProblem(
        await clerk.post('/api/v1/journal-entries', entryBody(books, date, specs, extra)),
        422,
        field,
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  it('an unbalanced entry stays a draft, and its failed posting takes no number', async () => {
    const draft = await clerk.post(
      '/api/v1/journal-entries',
      entryBody(books, '2026-01-07', [
        [books.account['6000'], '100.00', '0'],
        [books.account['1010'], '0', '90.00'],
      ]),
    );
    expect(draft.statusCode, draft.body).toBe(201);
    const gl = await count('gl_entries');
    const refused = await clerk.post(`/api/v1/journal-entries/${draft.json().id}/post`);
    expectProblem(refused, 422, 'lines');
    expect(refused.json().errors.find((e: any) => e.field === 'lines').reason).toContain('100.00');
    expect(await count('gl_entries')).toBe(gl);
    expect((await clerk.get(`/api/v1/journal-entries/${draft.json().id}`)).json()).toMatchObject({
      status: 'draft',
      number: null,
    });

    const fixed = await clerk.patch(`/api/v1/journal-entries/${draft.json().id}`, {
      lines: [
        { accountId: books.account['6000'], debit: '100.00' },
        { accountId: books.account['1010'], credit: '100.00' },
      ],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const posted = await clerk.post(`/api/v1/journal-entries/${draft.json().id}/post`);
    expect(posted.json().number).toBe('GEN-2026-00002');
    const next = await postEntry(clerk, books, '2026-01-08', [
      [books.account['6000'], '5.00', '0'],
      [books.account['1010'], '0', '5.00'],
    ]);
    expect(next.number).toBe('GEN-2026-00003');
    const bank = await postEntry(
      clerk,
      books,
      '2026-01-08',
      [
        [books.account['6300'], '1.00', '0'],
        [books.account['1010'], '0', '1.00'],
      ],
      { journalId: books.journal.BNK },
    );
    expect(bank.number).toBe('BNK-2026-00001');
  });

  it('a posted entry never changes: PATCH and DELETE answer 409 naming it', async () => {
    const posted = await postEntry(clerk, books, '2026-01-09', [
      [books.account['6000'], '7.00', '0'],
      [books.account['1010'], '0', '7.00'],
    ]);
    const patch = await clerk.patch(`/api/v1/journal-entries/${posted.id}`, { memo: 'changed' });
    expectProblem(patch, 409, 'id');
    expect(patch.json().detail).toContain(posted.number);
    expectProblem(
      await clerk.inject({ method: 'DELETE', url: `/api/v1/journal-entries/${posted.id}` }),
      409,
      'id',
    );
    expectProblem(await clerk.post(`/api/v1/journal-entries/${posted.id}/post`), 409, 'id');
    const draft = await clerk.post('/api/v1/journal-entries', entryBody(books, '2026-01-09', []));
    expect(
      (await clerk.inject({ method: 'DELETE', url: `/api/v1/journal-entries/${draft.json().id}` }))
        .statusCode,
    ).toBe(204);
    expect((await clerk.get(`/api/v1/journal-entries/${draft.json().id}`)).statusCode).toBe(404);
  });

  it('a foreign-currency entry balances in the company currency to the cent', async () => {
    // 3.33 + 3.33 + 3.34 USD at 0.9137: 3.0426 -> 3.04 twice and 3.0518 -> 3.05 (9.13); 10.00 -> 9.14,
    // the largest line, which gives up the cent
    const posted = await postEntry(
      clerk,
      books,
      '2026-02-03',
      [
        [books.account['6000'], '3.33', '0'],
        [books.account['6200'], '3.33', '0'],
        [books.account['6300'], '3.34', '0'],
        [books.account['1010'], '0', '10.00'],
      ],
      { currency: 'USD' },
    );
    expect(posted.rate).toBe('0.9137000000');
    const sums = await q<{ debit: string; credit: string }>(
      `select sum(debit)::text as debit, sum(credit)::text as credit from gl_entries where entry_id = $1`,
      [posted.id],
    );
    expect(sums[0]).toEqual({ debit: '9.1300', credit: '9.1300' });
    expect(posted.lines.map((l: any) => l.debitInCompanyCurrency)).toEqual([
      '3.0400',
      '3.0400',
      '3.0500',
      '0.0000',
    ]);
    expect(posted.lines[3].creditInCompanyCurrency).toBe('9.1300');
    const withRate = await postEntry(
      clerk,
      books,
      '2026-02-03',
      [
        [books.account['6000'], '10.00', '0'],
        [books.account['1010'], '0', '10.00'],
      ],
      { currency: 'USD', rate: '0.95' },
    );
    expect(withRate.lines[0].debitInCompanyCurrency).toBe('9.5000');
  });

  it('the database refuses an unbalanced GL posting and any change to a GL row', async () => {
    const [row] = await q(`select * from gl_entries limit 1`);
    await expect(
      q(
        `insert into gl_entries (id, tenant_id, company_id, entry_id, line_no, account_id, posting_date, debit, credit, currency, debit_in_currency, credit_in_currency)
         values (gen_random_uuid(), $1, $2, $3, 99, $4, '2026-01-05', 5, 0, 'EUR', 5, 0)`,
        [row.tenant_id, row.company_id, row.entry_id, row.account_id],
      ),
    ).rejects.toThrow(/does not balance/);
    await expect(q(`update gl_entries set debit = debit + 1 where id = $1`, [row.id])).rejects.toThrow();
    await expect(q(`delete from gl_entries where id = $1`, [row.id])).rejects.toThrow();
  });
});

describe('periods, cancelling and the year end', () => {
  it('a closed period refuses postings but from those allowed, who leave a mark', async () => {
    const draft = await clerk.post(
      '/api/v1/journal-entries',
      entryBody(books, '2026-03-10', [
        [books.account['6000'], '20.00', '0'],
        [books.account['1010'], '0', '20.00'],
      ]),
    );
    const closed = await clerk.post(`/api/v1/fiscal-periods/${books.period['2026-03-01']}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().closedAt).toBeTruthy();
    const gl = await count('gl_entries');
    expectProblem(await clerk.post(`/api/v1/journal-entries/${draft.json().id}/post`), 409, 'postingDate');
    expect(await count('gl_entries')).toBe(gl);
    const posted = await admin.post(`/api/v1/journal-entries/${draft.json().id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().postedIntoClosedPeriod).toBe(true);
    const audit = await admin.get('/api/v1/audit-log?limit=200');
    expect(audit.json().items.map((a: any) => a.action)).toEqual(
      expect.arrayContaining(['accounting.setFiscalPeriodClosed']),
    );
    await clerk.post(`/api/v1/fiscal-periods/${books.period['2026-03-01']}/reopen`);
    await postEntry(clerk, books, '2026-03-11', [
      [books.account['6000'], '1.00', '0'],
      [books.account['1010'], '0', '1.00'],
    ]);
  });

  it('cancelling posts a reversal and brings the accounts back to where they were', async () => {
    const before = await trialBalance2026();
    const entry = await postEntry(clerk, books, '2026-04-15', [
      [books.account['5000'], '250.00', '0'],
      [books.account['1200'], '0', '250.00'],
    ]);
    const cancelled = await clerk.post(`/api/v1/journal-entries/${entry.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', reversedById: expect.any(String) });
    const reversal = (await clerk.get(`/api/v1/journal-entries/${cancelled.json().reversedById}`)).json();
    expect(reversal).toMatchObject({ status: 'posted', postingDate: '2026-04-15', reversesId: entry.id });
    expect(reversal.lines.map((l: any) => [l.debit, l.credit])).toEqual([
      ['0.0000', '250.0000'],
      ['250.0000', '0.0000'],
    ]);
    const after = await trialBalance2026();
    expect(after.totals).toEqual({
      ...before.totals,
      periodDebit: (Number(before.totals.periodDebit) + 500).toFixed(2),
      periodCredit: (Number(before.totals.periodCredit) + 500).toFixed(2),
    });
    const row = (items: any[], code: string) => items.find((i: any) => i.code === code);
    expect(row(after.items, '5000')).toMatchObject({ closingDebit: '0.00', closingCredit: '0.00' });
    expect(row(after.items, '1200')).toMatchObject({ closingDebit: '0.00', closingCredit: '0.00' });
    expectProblem(await clerk.post(`/api/v1/journal-entries/${entry.id}/cancel`), 409, 'id');
  });

  it('an entry in a closed period is cancelled on a date given in an open one', async () => {
    const entry = await postEntry(clerk, books, '2026-05-05', [
      [books.account['6000'], '30.00', '0'],
      [books.account['1010'], '0', '30.00'],
    ]);
    await clerk.post(`/api/v1/fiscal-periods/${books.period['2026-05-01']}/close`);
    expectProblem(await clerk.post(`/api/v1/journal-entries/${entry.id}/cancel`), 409, 'postingDate');
    expectProblem(
      await clerk.post(`/api/v1/journal-entries/${entry.id}/cancel`, { postingDate: '2026-05-20' }),
      409,
      'postingDate',
    );
    const cancelled = await clerk.post(`/api/v1/journal-entries/${entry.id}/cancel`, {
      postingDate: '2026-06-01',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const reversal = (await clerk.get(`/api/v1/journal-entries/${cancelled.json().reversedById}`)).json();
    expect(reversal.postingDate).toBe('2026-06-01');
  });

  it('year-end closing moves income and expenses to retained earnings in one posted entry', async () => {
    await postEntry(clerk, books, '2026-06-10', [
      [books.account['1100'], '1200.00', '0'],
      [books.account['4000'], '0', '1200.00'],
    ]);
    const closing = await clerk.post(`/api/v1/fiscal-years/${books.fiscalYearId}/close`, {});
    expect(closing.statusCode, closing.body).toBe(200);
    const entry = closing.json().closingEntry;
    expect(entry).toMatchObject({
      status: 'posted',
      postingDate: '2026-12-31',
      journalId: books.journal.GEN,
    });
    expect(closing.json().fiscalYear.closingEntryId).toBe(entry.id);
    const tb = await trialBalance2026();
    const pnl = tb.items.filter((i: any) => i.type === 'income' || i.type === 'expense');
    for (const row of pnl)
      expect(row, row.code).toMatchObject({ closingDebit: '0.00', closingCredit: '0.00' });
    expect(tb.totals.closingDebit).toBe(tb.totals.closingCredit);
    const re = tb.items.find((i: any) => i.code === '3100');
    // income 1200 less expenses: the closing credit of retained earnings is the profit
    const expenses = entry.lines
      .filter((l: any) => l.accountId !== books.account['3100'])
      .reduce((s: number, l: any) => s + Number(l.credit), 0);
    expect(Number(re.closingCredit)).toBeCloseTo(1200 - expenses, 2);
    const year = (await clerk.get(`/api/v1/fiscal-years/${books.fiscalYearId}`)).json();
    expect(year.periods.every((p: any) => p.closedAt)).toBe(true);
    expectProblem(await clerk.post(`/api/v1/fiscal-years/${books.fiscalYearId}/close`, {}), 409, 'id');
  });
});
