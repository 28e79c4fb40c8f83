import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Books, expectProblem, postEntry, setUpBooks } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: Books;
let costCentre: string;

const q = <T = any>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);

/** Straight from the GL, for comparison: per account, the net before `from` and the sums to `to`. */
async function fromGl(from: string, to: string, costCentreId?: string) {
  const rows = await q<{ code: string; opening: string; debit: string; credit: string }>(
    `select a.code,
            sum(case when g.posting_date < $1 then g.debit - g.credit else 0 end)::numeric(19,2)::text as opening,
            sum(case when g.posting_date >= $1 then g.debit else 0 end)::numeric(19,2)::text as debit,
            sum(case when g.posting_date >= $1 then g.credit else 0 end)::numeric(19,2)::text as credit
     from gl_entries g join accounts a on a.id = g.account_id
     where g.posting_date <= $2 and ($3::uuid is null or g.cost_centre_id = $3::uuid)
     group by a.code order by a.code`,
    [from, to, costCentreId ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.code, r]));
}

const tb = async (query: string) => {
  const res = await admin.get(`/api/v1/accounting/trial-balance?companyId=${books.companyId}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpBooks(t, admin);
  costCentre = (
    await admin.post('/api/v1/analytic-dimensions', {
      companyId: books.companyId,
      kind: 'cost_centre',
      code: 'SHOP',
      name: 'Shop',
    })
  ).json().id;
  const a = books.account;
  await postEntry(admin, books, '2026-01-01', [
    [a['1010'], '10000.00', '0'],
    [a['3000'], '0', '10000.00'],
  ]);
  await postEntry(admin, books, '2026-01-20', [
    [a['6000'], '800.00', '0', { costCentreId: costCentre }],
    [a['1010'], '0', '800.00'],
  ]);
  await postEntry(admin, books, '2026-02-05', [
    [a['1100'], '2400.00', '0'],
    [a['4000'], '0', '2000.00', { costCentreId: costCentre }],
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
    [a['6000'], '800.00', '0'],
    [a['1010'], '0', '800.00'],
  ]);
  await postEntry(admin, books, '2026-04-02', [
    [a['1000'], '500.00', '0'],
    [a['1010'], '0', '500.00'],
  ]);
});
afterAll(() => t.close());

describe('trial balance', () => {
  it.each([
    ['cut months at both ends', '2026-01-10', '2026-03-20'],
    ['whole months', '2026-02-01', '2026-03-31'],
    ['inside one month', '2026-03-02', '2026-03-24'],
    ['adjacent partial months', '2026-01-15', '2026-02-10'],
    ['from the start', '2026-01-01', '2026-12-31'],
  ])('%s: agrees with the GL row by row, and its totals balance', async (_, from, to) => {
    const report = await tb(`from=${from}&to=${to}`);
    const gl = await fromGl(from, to);
    const leaves = report.items.filter((i: any) => !i.isGroup);
    expect(leaves.map((i: any) => i.code).sort()).toEqual(
      Object.keys(gl).filter(
        (code) => gl[code].opening !== '0.00' || gl[code].debit !== '0.00' || gl[code].credit !== '0.00',
      ),
    );
    for (const row of leaves) {
      const expected = gl[row.code];
      expect(Number(row.openingDebit) - Number(row.openingCredit), row.code).toBeCloseTo(
        Number(expected.opening),
        2,
      );
      expect(row.periodDebit, row.code).toBe(expected.debit);
      expect(row.periodCredit, row.code).toBe(expected.credit);
    }
    const { totals } = report;
    expect(totals.openingDebit).toBe(totals.openingCredit);
    expect(totals.periodDebit).toBe(totals.periodCredit);
    expect(totals.closingDebit).toBe(totals.closingCredit);
    const glPeriod = Object.values(gl).reduce((s: number, r: any) => s + Number(r.debit), 0);
    expect(Number(totals.periodDebit)).toBeCloseTo(glPeriod, 2);
  });

  it('sums a group from the accounts under it', async () => {
    const report = await tb('from=2026-01-01&to=2026-03-31');
    const row = (code: string) => report.items.find((i: any) => i.code === code);
    // current assets: bank 10000 - 800 + 2400 - 800, cash -55.10, receivables 0
    expect(row('10')).toMatchObject({
      isGroup: true,
      closingDebit: '10744.90',
      closingCredit: '0.00',
      level: 1,
    });
    expect(row('1')).toMatchObject({ closingDebit: '10744.90', level: 0 });
    expect(row('1000')).toMatchObject({ closingDebit: '0.00', closingCredit: '55.10', level: 2 });
  });

  it('by cost centre reads only the lines tagged with it', async () => {
    const report = await tb(`from=2026-01-01&to=2026-12-31&costCentreId=${costCentre}`);
    const leaves = report.items.filter((i: any) => !i.isGroup);
    expect(leaves.map((i: any) => [i.code, i.periodDebit, i.periodCredit])).toEqual([
      ['4000', '0.00', '2000.00'],
      ['6000', '800.00', '0.00'],
    ]);
    expectProblem(
      await admin.get(
        `/api/v1/accounting/trial-balance?companyId=${books.companyId}&from=2026-01-01&to=2026-12-31&costCentreId=${costCentre}&projectId=${costCentre}`,
      ),
      422,
      'projectId',
    );
    expectProblem(
      await admin.get(
        `/api/v1/accounting/trial-balance?companyId=${books.companyId}&from=2026-02-01&to=2026-01-01`,
      ),
      422,
      'to',
    );
  });

  it('comes as CSV', async () => {
    const res = await admin.get(
      `/api/v1/accounting/trial-balance?companyId=${books.companyId}&from=2026-01-01&to=2026-12-31&format=csv`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'code,name,type,group,level,openingDebit,openingCredit,periodDebit,periodCredit,closingDebit,closingCredit',
    );
    expect(lines.at(-1)).toMatch(/^,Total,/);
  });
});

describe('general ledger', () => {
  it('lists an account page by page with a running balance and the entry to drill into', async () => {
    const url = `/api/v1/accounting/general-ledger?companyId=${books.companyId}&accountId=${books.account['1010']}&from=2026-01-15&to=2026-12-31`;
    const first = await admin.get(`${url}&limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().openingBalance).toBe('10000.00');
    expect(first.json().items.map((r: any) => [r.postingDate, r.debit, r.credit, r.balance])).toEqual([
      ['2026-01-20', '0.00', '800.00', '9200.00'],
      ['2026-02-27', '2400.00', '0.00', '11600.00'],
    ]);
    expect(first.json().items[0].entryNumber).toMatch(/^GEN-2026-\d{5}$/);
    const second = await admin.get(`${url}&limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((r: any) => r.balance)).toEqual(['10800.00', '10300.00']);
    expect(second.json().nextCursor).toBeNull();
    const entry = await admin.get(`/api/v1/journal-entries/${second.json().items[0].entryId}`);
    expect(entry.json().number).toBe(second.json().items[0].entryNumber);

    const csv = await admin.get(`${url}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\n')).toHaveLength(1 + 1 + 4);
  });

  it('a group account shows the rows of the accounts under it', async () => {
    const res = await admin.get(
      `/api/v1/accounting/general-ledger?companyId=${books.companyId}&accountId=${books.account['10']}&from=2026-04-01&to=2026-04-30`,
    );
    expect(res.json().items.map((r: any) => r.balance)).toEqual(['11244.90', '10744.90']);
  });
});
