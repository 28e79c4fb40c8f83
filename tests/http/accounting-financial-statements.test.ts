import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Books, expectProblem, postEntry, setUpBooks } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: Books;
const dimension: Record<string, string> = {};

const get = async (path: string, query: string) => {
  const res = await admin.get(`/api/v1/accounting/${path}?companyId=${books.companyId}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const pnl = (query: string) => get('profit-and-loss', query);
const bs = (query: string) => get('balance-sheet', query);
/** code -> amounts of a section, for exact comparison. */
const lines = (section: { rows: any[] }) =>
  Object.fromEntries(section.rows.map((r: any) => [r.code || r.line, r.amounts]));

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpBooks(t, admin);
  for (const [kind, code] of [
    ['cost_centre', 'SHOP'],
    ['cost_centre', 'OFFICE'],
    ['project', 'FAIR'],
  ]) {
    const res = await admin.post('/api/v1/analytic-dimensions', {
      companyId: books.companyId,
      kind,
      code,
      name: code,
    });
    expect(res.statusCode, res.body).toBe(201);
    dimension[code] = res.json().id;
  }
  for (const startsOn of ['2024-01-01', '2025-01-01']) {
    const res = await admin.post('/api/v1/fiscal-years', { companyId: books.companyId, startsOn });
    expect(res.statusCode, res.body).toBe(201);
  }
  const a = books.account;
  const shop = { costCentreId: dimension.SHOP };
  const office = { costCentreId: dimension.OFFICE };
  // 2024 is never closed on its own: its 50.00 stays in income until the closing of 2025 takes it along.
  await postEntry(admin, books, '2024-05-05', [
    [a['1010'], '50.00', '0'],
    [a['4000'], '0', '50.00'],
  ]);
  await postEntry(admin, books, '2025-03-01', [
    [a['1010'], '10000.00', '0'],
    [a['3000'], '0', '10000.00'],
  ]);
  await postEntry(admin, books, '2025-06-10', [
    [a['1100'], '1200.00', '0'],
    [a['4000'], '0', '1000.00', shop],
    [a['2100'], '0', '200.00'],
  ]);
  await postEntry(admin, books, '2025-07-01', [
    [a['6000'], '300.00', '0', office],
    [a['1010'], '0', '300.00'],
  ]);
  const [y2025] = (await admin.get(`/api/v1/fiscal-years?companyId=${books.companyId}`))
    .json()
    .items.filter((y: any) => y.startsOn === '2025-01-01');
  const closed = await admin.post(`/api/v1/fiscal-years/${y2025.id}/close`, {});
  expect(closed.statusCode, closed.body).toBe(200);

  await postEntry(admin, books, '2026-01-02', [
    [a['1000'], '100.00', '0'],
    [a['1010'], '0', '100.00'],
  ]);
  await postEntry(admin, books, '2026-01-20', [
    [a['6000'], '800.00', '0', shop],
    [a['1010'], '0', '800.00'],
  ]);
  await postEntry(admin, books, '2026-02-05', [
    [a['1100'], '2400.00', '0'],
    [a['4000'], '0', '2000.00', { ...shop, projectId: dimension.FAIR }],
    [a['2100'], '0', '400.00'],
  ]);
  await postEntry(admin, books, '2026-02-27', [
    [a['1010'], '2400.00', '0'],
    [a['1100'], '0', '2400.00'],
  ]);
  await postEntry(admin, books, '2026-03-03', [
    [a['6200'], '55.10', '0'],
    [a['1000'], '0', '55.10'],
  ]);
  await postEntry(admin, books, '2026-03-25', [
    [a['6000'], '800.00', '0', office],
    [a['1010'], '0', '800.00'],
  ]);
  await postEntry(admin, books, '2026-03-28', [
    [a['1010'], '12.34', '0'],
    [a['4900'], '0', '12.34'],
  ]);
  await postEntry(admin, books, '2026-04-02', [
    [a['1000'], '500.00', '0'],
    [a['1010'], '0', '500.00'],
  ]);
});
afterAll(() => t.close());

describe('profit and loss', () => {
  it('shows income and expense as the chart tree with subtotals and the net profit', async () => {
    const report = await pnl('from=2026-01-01&to=2026-03-31');
    expect(report.columns).toEqual([{ kind: 'total', dimensionId: null, label: '2026-01-01 – 2026-03-31' }]);
    expect(report.income.rows.map((r: any) => [r.code, r.level, r.isGroup, ...r.amounts])).toEqual([
      ['4', 0, true, '2012.34'],
      ['4000', 1, false, '2000.00'],
      ['4900', 1, false, '12.34'],
    ]);
    expect(report.expense.rows.map((r: any) => [r.code, r.level, ...r.amounts])).toEqual([
      ['5', 0, '1655.10'],
      ['6000', 1, '1600.00'],
      ['6200', 1, '55.10'],
    ]);
    expect(report.income.total).toEqual(['2012.34']);
    expect(report.expense.total).toEqual(['1655.10']);
    expect(report.netProfit).toEqual(['357.24']);
  });

  it('leaves out the year-end closing, so a closed year still shows its profit', async () => {
    const report = await pnl('from=2025-01-01&to=2025-12-31');
    expect(lines(report.income)).toEqual({ '4': ['1000.00'], '4000': ['1000.00'] });
    expect(lines(report.expense)).toEqual({ '5': ['300.00'], '6000': ['300.00'] });
    expect(report.netProfit).toEqual(['700.00']);
  });

  it('compares with another period in a column of its own', async () => {
    const report = await pnl('from=2026-01-01&to=2026-03-31&compareFrom=2025-01-01&compareTo=2025-12-31');
    expect(report.comparison).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(report.columns.map((c: any) => [c.kind, c.label])).toEqual([
      ['total', '2026-01-01 – 2026-03-31'],
      ['comparison', '2025-01-01 – 2025-12-31'],
    ]);
    expect(lines(report.income)).toEqual({
      '4': ['2012.34', '1000.00'],
      '4000': ['2000.00', '1000.00'],
      '4900': ['12.34', '0.00'],
    });
    expect(lines(report.expense)).toEqual({
      '5': ['1655.10', '300.00'],
      '6000': ['1600.00', '300.00'],
      '6200': ['55.10', '0.00'],
    });
    expect(report.netProfit).toEqual(['357.24', '700.00']);
  });

  it('filters by one value of a dimension', async () => {
    const report = await pnl(`from=2026-01-01&to=2026-03-31&costCentreId=${dimension.SHOP}`);
    expect(lines(report.income)).toEqual({ '4': ['2000.00'], '4000': ['2000.00'] });
    expect(lines(report.expense)).toEqual({ '5': ['800.00'], '6000': ['800.00'] });
    expect(report.netProfit).toEqual(['1200.00']);
  });

  it('gives one column per value of a dimension kind, "no value" and the total', async () => {
    const report = await pnl('from=2026-01-01&to=2026-03-31&columnsBy=cost_centre');
    expect(report.columns.map((c: any) => [c.kind, c.dimensionId, c.label])).toEqual([
      ['dimension', dimension.OFFICE, 'OFFICE OFFICE'],
      ['dimension', dimension.SHOP, 'SHOP SHOP'],
      ['none', null, 'No value'],
      ['total', null, 'Total'],
    ]);
    expect(lines(report.income)).toEqual({
      '4': ['0.00', '2000.00', '12.34', '2012.34'],
      '4000': ['0.00', '2000.00', '0.00', '2000.00'],
      '4900': ['0.00', '0.00', '12.34', '12.34'],
    });
    expect(lines(report.expense)).toEqual({
      '5': ['800.00', '800.00', '55.10', '1655.10'],
      '6000': ['800.00', '800.00', '0.00', '1600.00'],
      '6200': ['0.00', '0.00', '55.10', '55.10'],
    });
    expect(report.netProfit).toEqual(['-800.00', '1200.00', '-42.76', '357.24']);
  });

  it('by dimension columns of a closed year: the closing comes off "no value"', async () => {
    const report = await pnl('from=2025-01-01&to=2025-12-31&columnsBy=cost_centre');
    expect(report.netProfit).toEqual(['-300.00', '1000.00', '0.00', '700.00']);
  });

  it('columns by one kind within a filter by another, against a comparison period', async () => {
    const report = await pnl(
      `from=2026-01-01&to=2026-03-31&columnsBy=project&costCentreId=${dimension.SHOP}&compareFrom=2025-01-01&compareTo=2025-12-31`,
    );
    expect(report.columns.map((c: any) => c.kind)).toEqual(['dimension', 'none', 'total', 'comparison']);
    expect(lines(report.income)['4000']).toEqual(['2000.00', '0.00', '2000.00', '1000.00']);
    expect(lines(report.expense)['6000']).toEqual(['0.00', '800.00', '800.00', '0.00']);
    expect(report.netProfit).toEqual(['2000.00', '-800.00', '1200.00', '1000.00']);
  });

  it.each([
    ['to before from', 'from=2026-03-01&to=2026-02-01', 'to'],
    ['a comparison without its end', 'from=2026-01-01&to=2026-03-31&compareFrom=2025-01-01', 'compareTo'],
    ['a comparison without its start', 'from=2026-01-01&to=2026-03-31&compareTo=2025-01-01', 'compareFrom'],
    [
      'a comparison ending before it starts',
      'from=2026-01-01&to=2026-03-31&compareFrom=2025-12-01&compareTo=2025-01-01',
      'compareTo',
    ],
    ['an unknown dimension kind', 'from=2026-01-01&to=2026-03-31&columnsBy=region', 'columnsBy'],
    ['a date that is not one', 'from=2026-13-01&to=2026-03-31', 'from'],
    ['an unknown format', 'from=2026-01-01&to=2026-03-31&format=pdf', 'format'],
  ])('refuses %s, naming the field', async (_case, query, field) => {
    expectProblem(
      await admin.get(`/api/v1/accounting/profit-and-loss?companyId=${books.companyId}&${query}`),
      422,
      field,
    );
  });

  it('refuses a filter that is not a value of its kind in this company, and columns by the kind filtered', async () => {
    const base = `/api/v1/accounting/profit-and-loss?companyId=${books.companyId}&from=2026-01-01&to=2026-03-31`;
    expectProblem(await admin.get(`${base}&costCentreId=${dimension.FAIR}`), 422, 'costCentreId');
    expectProblem(
      await admin.get(`${base}&costCentreId=${dimension.SHOP}&projectId=${dimension.FAIR}`),
      422,
      'projectId',
    );
    expectProblem(
      await admin.get(`${base}&costCentreId=${dimension.SHOP}&columnsBy=cost_centre`),
      422,
      'columnsBy',
    );
    expectProblem(
      await admin.get(
        `/api/v1/accounting/profit-and-loss?companyId=01900000-0000-7000-8000-000000000000&from=2026-01-01&to=2026-03-31`,
      ),
      422,
      'companyId',
    );
  });
});

describe('balance sheet', () => {
  it('balances, with the profit of the year not yet closed in equity', async () => {
    const report = await bs('date=2026-03-31');
    expect(report.columns).toEqual([
      {
        kind: 'total',
        dimensionId: null,
        label: '2026-03-31',
        date: '2026-03-31',
        fiscalYearStart: '2026-01-01',
      },
    ]);
    expect(lines(report.assets)).toEqual({
      '1': ['11707.24'],
      '10': ['11707.24'],
      '1000': ['44.90'],
      '1010': ['10462.34'],
      '1100': ['1200.00'],
    });
    expect(lines(report.liabilities)).toEqual({ '2': ['600.00'], '2100': ['600.00'] });
    expect(report.equity.rows.map((r: any) => [r.line, r.code, r.level, ...r.amounts])).toEqual([
      ['account', '3', 0, '10750.00'],
      ['account', '3000', 1, '10000.00'],
      ['account', '3100', 1, '750.00'],
      ['current_year_profit', '', 0, '357.24'],
    ]);
    expect(report.assets.total).toEqual(['11707.24']);
    expect(report.liabilities.total).toEqual(['600.00']);
    expect(report.equity.total).toEqual(['11107.24']);
    expect(report.liabilitiesAndEquity).toEqual(['11707.24']);
    expect(report.difference).toEqual(['0.00']);
  });

  it('on the last day of a closed year all is in retained earnings; inside it, this year and earlier unclosed years are lines of equity', async () => {
    const report = await bs('date=2025-12-31&compareDate=2025-09-30');
    expect(report.columns.map((c: any) => [c.kind, c.date, c.fiscalYearStart])).toEqual([
      ['total', '2025-12-31', '2025-01-01'],
      ['comparison', '2025-09-30', '2025-01-01'],
    ]);
    expect(lines(report.assets)['1']).toEqual(['10950.00', '10950.00']);
    expect(lines(report.equity)).toEqual({
      '3': ['10750.00', '10000.00'],
      '3000': ['10000.00', '10000.00'],
      '3100': ['750.00', '0.00'],
      current_year_profit: ['0.00', '700.00'],
      earlier_years_profit: ['0.00', '50.00'],
    });
    expect(report.liabilitiesAndEquity).toEqual(['10950.00', '10950.00']);
    expect(report.difference).toEqual(['0.00', '0.00']);
  });

  it('by a dimension shows what its lines do not balance', async () => {
    const report = await bs(`date=2026-03-31&costCentreId=${dimension.SHOP}`);
    expect(report.assets.rows).toEqual([]);
    expect(lines(report.equity)).toEqual({
      current_year_profit: ['1200.00'],
      earlier_years_profit: ['1000.00'],
    });
    expect(report.difference).toEqual(['-2200.00']);
  });

  it('refuses a bad date and an unknown dimension value, naming the field', async () => {
    const base = `/api/v1/accounting/balance-sheet?companyId=${books.companyId}`;
    expectProblem(await admin.get(`${base}&date=2026-02-30x`), 422, 'date');
    expectProblem(await admin.get(`${base}&date=2026-03-31&compareDate=yesterday`), 422, 'compareDate');
    expectProblem(
      await admin.get(`${base}&date=2026-03-31&departmentId=${dimension.SHOP}`),
      422,
      'departmentId',
    );
    expectProblem(await admin.get(`${base}`), 422, 'date');
  });
});

describe('under any postings', () => {
  const leaves = ['1000', '1010', '1100', '2000', '2100', '3000', '4000', '4900', '5000', '6000', '6200'];
  const cents = fc.integer({ min: 1, max: 1_000_000 }).map((n) => (n / 100).toFixed(2));
  const posting = fc.record({
    day: fc.integer({ min: 0, max: 364 }),
    debit: fc.nat({ max: leaves.length - 1 }),
    credit: fc.nat({ max: leaves.length - 1 }),
    amount: cents,
  });
  const dayOf = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

  it('assets equal liabilities and equity exactly, and equity holds the profit of the year to date', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(posting, { minLength: 1, maxLength: 4 }),
        fc.nat({ max: 364 }),
        async (postings, at) => {
          for (const p of postings) {
            if (p.debit === p.credit) continue;
            await postEntry(admin, books, dayOf(p.day), [
              [books.account[leaves[p.debit]], p.amount, '0'],
              [books.account[leaves[p.credit]], '0', p.amount],
            ]);
          }
          const date = dayOf(at);
          const sheet = await bs(`date=${date}`);
          expect(sheet.difference).toEqual(['0.00']);
          expect(sheet.assets.total).toEqual(sheet.liabilitiesAndEquity);
          const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(2);
          expect(sum([sheet.liabilities.total[0], sheet.equity.total[0]])).toBe(sheet.assets.total[0]);
          const profit = sheet.equity.rows.find((r: any) => r.line === 'current_year_profit').amounts[0];
          const year = await pnl(`from=2026-01-01&to=${date}`);
          expect(year.netProfit[0]).toBe(profit);
        },
      ),
      { numRuns: 12 },
    );
  });
});
