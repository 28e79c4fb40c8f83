import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Books, expectProblem, setUpBooks } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: Books;

const count = async (table: string) =>
  Number((await t.database.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0].n);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpBooks(t, admin);
});
afterAll(() => t.close());

describe('chart of accounts', () => {
  it('the template loads a tree with default accounts, once', async () => {
    const list = await admin.get(`/api/v1/accounts?companyId=${books.companyId}&limit=200`);
    expect(list.statusCode).toBe(200);
    const codes = list.json().items.map((a: any) => a.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        '1000',
        '1010',
        '1100',
        '1200',
        '1300',
        '2000',
        '2100',
        '3000',
        '3100',
        '4000',
        '4900',
        '5000',
        '6900',
      ]),
    );
    const settings = await admin.get(`/api/v1/accounting/settings?companyId=${books.companyId}`);
    expect(settings.json()).toMatchObject({
      retainedEarningsAccountId: books.account['3100'],
      receivableAccountId: books.account['1100'],
      payableAccountId: books.account['2000'],
      exchangeGainAccountId: books.account['4900'],
      exchangeLossAccountId: books.account['6900'],
      taxRounding: 'per_line',
    });
    const again = await admin.post(`/api/v1/companies/${books.companyId}/chart-of-accounts/template`);
    expectProblem(again, 409, 'companyId');
  });

  it('a parent must be a group of the same type and company; codes are unique per company', async () => {
    const base = { companyId: books.companyId, name: 'Petty cash', type: 'asset' };
    expectProblem(
      await admin.post('/api/v1/accounts', { ...base, code: '1001', parentId: books.account['1000'] }),
      422,
      'parentId',
    );
    expectProblem(
      await admin.post('/api/v1/accounts', { ...base, code: '1001', parentId: books.account['2'] }),
      422,
      'parentId',
    );
    expectProblem(
      await admin.post('/api/v1/accounts', { ...base, code: '1000', parentId: books.account['10'] }),
      409,
      'code',
    );
    const other = await admin.post('/api/v1/companies', { name: 'Acme Two', baseCurrency: 'EUR' });
    const foreign = await admin.post('/api/v1/accounts', {
      ...base,
      companyId: other.json().id,
      code: '1001',
      parentId: books.account['10'],
    });
    expectProblem(foreign, 422, 'parentId');
    const ok = await admin.post('/api/v1/accounts', {
      ...base,
      code: '1001',
      parentId: books.account['10'],
      currency: 'USD',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ isGroup: false, currency: 'USD', parentId: books.account['10'] });
    // a group cannot move under itself, nor a leaf with accounts under it become one
    expectProblem(
      await admin.patch(`/api/v1/accounts/${books.account['1']}`, { parentId: books.account['10'] }),
      422,
      'parentId',
    );
    expectProblem(
      await admin.patch(`/api/v1/accounts/${books.account['10']}`, { isGroup: false }),
      422,
      'isGroup',
    );
  });

  it('archives and restores an account; a group with live accounts stays', async () => {
    expectProblem(await admin.post(`/api/v1/accounts/${books.account['15']}/archive`), 409, 'id');
    const archived = await admin.post(`/api/v1/accounts/${books.account['1500']}/archive`);
    expect(archived.json().archivedAt).toBeTruthy();
    const listed = (await admin.get(`/api/v1/accounts?companyId=${books.companyId}&q=Property`)).json().items;
    expect(listed).toHaveLength(0);
    const restored = await admin.post(`/api/v1/accounts/${books.account['1500']}/restore`);
    expect(restored.json().archivedAt).toBeNull();
  });

  it('imports a CSV chart, or nothing at all when a row is wrong', async () => {
    const before = await count('accounts');
    const bad = [
      'code,name,type,parent_code,currency,reconcilable',
      '7,Other income and costs,income,,,',
      '7100,Grants,income,7,,no',
      '7200,Fines,expens,7,,',
      '7300,Loan interest,expense,7,,',
      '7400,Cash USD,asset,10,XXX,maybe',
      '1000,Duplicate cash,asset,10,,',
    ].join('\n');
    const refused = await admin.post(`/api/v1/companies/${books.companyId}/chart-of-accounts/import`, {
      csv: bad,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    const fields = refused.json().errors.map((e: any) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'rows.4.type',
        'rows.5.parent_code',
        'rows.6.currency',
        'rows.6.reconcilable',
        'rows.7.code',
      ]),
    );
    expect(await count('accounts')).toBe(before);

    const good = [
      'code,name,type,parent_code,currency,reconcilable',
      '7100,Grants,income,7,,no',
      '7,Other income,income,,,',
      '1020,Bank USD,asset,10,USD,yes',
    ].join('\n');
    const imported = await admin.post(`/api/v1/companies/${books.companyId}/chart-of-accounts/import`, {
      csv: good,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().imported).toBe(3);
    const byCode = Object.fromEntries(imported.json().accounts.map((a: any) => [a.code, a]));
    expect(byCode['7']).toMatchObject({ isGroup: true, parentId: null });
    expect(byCode['7100']).toMatchObject({ parentId: byCode['7'].id, isGroup: false });
    expect(byCode['1020']).toMatchObject({
      parentId: books.account['10'],
      currency: 'USD',
      reconcilable: true,
    });
  });
});

describe('dimensions, journals, settings', () => {
  it('keeps cost centres, projects and departments per company, archivable', async () => {
    const created = await admin.post('/api/v1/analytic-dimensions', {
      companyId: books.companyId,
      kind: 'cost_centre',
      code: 'CC-SOF',
      name: 'Sofia office',
    });
    expect(created.statusCode, created.body).toBe(201);
    expectProblem(
      await admin.post('/api/v1/analytic-dimensions', {
        companyId: books.companyId,
        kind: 'cost_centre',
        code: 'CC-SOF',
        name: 'x',
      }),
      409,
      'code',
    );
    expectProblem(
      await admin.post('/api/v1/analytic-dimensions', {
        companyId: books.companyId,
        kind: 'team',
        code: 'T',
        name: 'x',
      }),
      422,
      'kind',
    );
    const renamed = await admin.patch(`/api/v1/analytic-dimensions/${created.json().id}`, {
      name: 'Sofia HQ',
    });
    expect(renamed.json().name).toBe('Sofia HQ');
    await admin.post(`/api/v1/analytic-dimensions/${created.json().id}/archive`);
    const list = await admin.get(
      `/api/v1/analytic-dimensions?companyId=${books.companyId}&kind=cost_centre&includeArchived=true`,
    );
    expect(list.json().items[0].archivedAt).toBeTruthy();
  });

  it('journals have a kind and a default account that takes postings', async () => {
    expectProblem(
      await admin.post('/api/v1/journals', {
        companyId: books.companyId,
        code: 'CSH',
        name: 'Cash',
        kind: 'cash',
        defaultAccountId: books.account['10'],
      }),
      422,
      'defaultAccountId',
    );
    const cash = await admin.post('/api/v1/journals', {
      companyId: books.companyId,
      code: 'CSH',
      name: 'Cash',
      kind: 'cash',
      defaultAccountId: books.account['1000'],
    });
    expect(cash.statusCode, cash.body).toBe(201);
    expectProblem(
      await admin.post('/api/v1/journals', {
        companyId: books.companyId,
        code: 'CSH',
        name: 'Cash 2',
        kind: 'cash',
      }),
      409,
      'code',
    );
    const page = await admin.get(`/api/v1/journals?companyId=${books.companyId}&limit=1`);
    expect(page.json().items).toHaveLength(1);
    expect(page.json().nextCursor).toBeTruthy();
    const next = await admin.get(
      `/api/v1/journals?companyId=${books.companyId}&limit=10&cursor=${page.json().nextCursor}`,
    );
    expect(next.json().items.map((j: any) => j.code)).toEqual(['CSH', 'GEN']);
    await admin.post(`/api/v1/journals/${cash.json().id}/archive`);
    expect(
      (await admin.get(`/api/v1/journals?companyId=${books.companyId}`)).json().items.map((j: any) => j.code),
    ).toEqual(['BNK', 'GEN']);
  });

  it('settings refuse an account of the wrong type', async () => {
    const res = await admin.put(`/api/v1/accounting/settings?companyId=${books.companyId}`, {
      retainedEarningsAccountId: books.account['4000'],
      taxRounding: 'total',
    });
    expectProblem(res, 422, 'retainedEarningsAccountId');
    const ok = await admin.put(`/api/v1/accounting/settings?companyId=${books.companyId}`, {
      taxRounding: 'total',
    });
    expect(ok.json()).toMatchObject({
      taxRounding: 'total',
      retainedEarningsAccountId: books.account['3100'],
    });
  });

  it('a fiscal year is whole months, and years do not overlap', async () => {
    expectProblem(
      await admin.post('/api/v1/fiscal-years', { companyId: books.companyId, startsOn: '2027-01-15' }),
      422,
      'startsOn',
    );
    expectProblem(
      await admin.post('/api/v1/fiscal-years', { companyId: books.companyId, startsOn: '2026-07-01' }),
      409,
      'startsOn',
    );
    const years = await admin.get(`/api/v1/fiscal-years?companyId=${books.companyId}`);
    expect(years.json().items[0]).toMatchObject({
      name: '2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(years.json().items[0].periods).toHaveLength(12);
    expect(years.json().items[0].periods[1]).toMatchObject({ startsOn: '2026-02-01', endsOn: '2026-02-28' });
  });

  it('a switched-off module answers 404 and keeps its data', async () => {
    expect((await admin.put('/api/v1/modules/accounting', { enabled: false })).statusCode).toBe(200);
    const off = await admin.get(`/api/v1/accounts?companyId=${books.companyId}`);
    expect(off.statusCode).toBe(404);
    await admin.put('/api/v1/modules/accounting', { enabled: true });
    expect((await admin.get(`/api/v1/accounts?companyId=${books.companyId}`)).statusCode).toBe(200);
  });
});
