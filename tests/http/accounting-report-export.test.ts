import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Books, postEntry, setUpBooks } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: Books;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function download(path: string, query: string) {
  const res = await admin.get(`/api/v1/accounting/${path}?companyId=${books.companyId}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** The first sheet of an XLSX answer, and its rows as plain values (row 1 first). */
async function sheetOf(path: string, query: string) {
  const res = await download(path, `${query}&format=xlsx`);
  expect(res.headers['content-type']).toBe(XLSX);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  const rowOf = (name: string) => {
    const index = rows.findIndex((r) => r?.includes(name));
    expect(index, `a row "${name}"`).toBeGreaterThanOrEqual(0);
    return { values: rows[index], row: sheet.getRow(index + 1) };
  };
  return { sheet, rows, rowOf };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpBooks(t, admin);
  const a = books.account;
  await postEntry(admin, books, '2026-01-01', [
    [a['1010'], '10000.00', '0'],
    [a['3000'], '0', '10000.00'],
  ]);
  await postEntry(admin, books, '2026-02-05', [
    [a['1100'], '2400.00', '0'],
    [a['4000'], '0', '2000.00'],
    [a['2100'], '0', '400.00'],
  ]);
  await postEntry(admin, books, '2026-03-03', [
    [a['6200'], '1234.56', '0'],
    [a['1010'], '0', '1234.56'],
  ]);
});
afterAll(() => t.close());

describe('XLSX export', () => {
  it('trial balance: title, frozen header, numeric amounts with 2 places, bold groups', async () => {
    const { sheet, rows, rowOf } = await sheetOf('trial-balance', 'from=2026-01-01&to=2026-12-31');
    expect(rows[0]).toEqual(['Trial balance: Acme Ltd']);
    expect(rows[1]).toEqual(['2026-01-01 – 2026-12-31, EUR']);
    expect(String(rows[2][0])).toMatch(/^Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(rows[4]).toEqual([
      'code',
      'name',
      'type',
      'group',
      'level',
      'openingDebit',
      'openingCredit',
      'periodDebit',
      'periodCredit',
      'closingDebit',
      'closingCredit',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const bank = rowOf('Bank');
    expect(bank.values).toEqual(['1010', 'Bank', 'asset', 'no', 2, 0, 0, 10000, 1234.56, 8765.44, 0]);
    expect(bank.row.getCell(10).numFmt).toBe('#,##0.00');
    expect(bank.row.font?.bold).toBeFalsy();
    const assets = rowOf('Assets');
    expect(assets.values.slice(7)).toEqual([12400, 1234.56, 11165.44, 0]);
    expect(assets.row.font?.bold).toBe(true);
    const total = rowOf('Total');
    expect(total.values.slice(5)).toEqual([0, 0, 13634.56, 13634.56, 12400, 12400]);
  });

  it('general ledger: the opening row, days as dates, the running balance as numbers', async () => {
    const { rows, rowOf } = await sheetOf(
      'general-ledger',
      `accountId=${books.account['1010']}&from=2026-02-01&to=2026-12-31`,
    );
    expect(rows[0]).toEqual(['General ledger 1010 Bank: Acme Ltd']);
    expect(rowOf('Opening balance').values.at(-1)).toBe(10000);
    const line = rows[6];
    expect(line[0]).toEqual(new Date('2026-03-03T00:00:00Z'));
    expect(line.slice(4, 6)).toEqual([0, 1234.56]);
    expect(line.at(-1)).toBe(8765.44);
    expect(rows).toHaveLength(7);
  });

  it('profit and loss: sections with their totals and the net profit, a column per period', async () => {
    const { rows, rowOf } = await sheetOf(
      'profit-and-loss',
      'from=2026-01-01&to=2026-03-31&compareFrom=2026-01-01&compareTo=2026-01-31',
    );
    expect(rows[0]).toEqual(['Profit and loss: Acme Ltd']);
    expect(rows[4]).toEqual(['code', 'name', '2026-01-01 – 2026-03-31', '2026-01-01 – 2026-01-31']);
    expect(rows.slice(5).map((r) => r.slice(0, 4))).toEqual([
      ['', 'Income'],
      ['4', 'Income', 2000, 0],
      ['4000', 'Sales', 2000, 0],
      ['', 'Total income', 2000, 0],
      ['', 'Expenses'],
      ['5', 'Expenses', 1234.56, 0],
      ['6200', 'Office expenses', 1234.56, 0],
      ['', 'Total expenses', 1234.56, 0],
      ['', 'Net profit', 765.44, 0],
    ]);
    expect(rowOf('Net profit').row.font?.bold).toBe(true);
    expect(rowOf('Net profit').row.getCell(3).numFmt).toBe('#,##0.00');
  });

  it('balance sheet: assets equal liabilities and equity, the profit a line of equity', async () => {
    const { rowOf } = await sheetOf('balance-sheet', 'date=2026-03-31');
    expect(rowOf('Total assets').values.slice(2)).toEqual([11165.44]);
    expect(rowOf('Total liabilities').values.slice(2)).toEqual([400]);
    expect(rowOf('Profit of the current year not yet closed').values.slice(2)).toEqual([765.44]);
    expect(rowOf('Total equity').values.slice(2)).toEqual([10765.44]);
    expect(rowOf('Total liabilities and equity').values.slice(2)).toEqual([11165.44]);
  });
});

describe('CSV export', () => {
  it('profit and loss: the amounts exactly as the API gives them', async () => {
    const res = await download('profit-and-loss', 'from=2026-01-01&to=2026-03-31&format=csv');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.trim().split('\n')).toEqual([
      'code,name,2026-01-01 – 2026-03-31',
      ',Income,',
      '4,Income,2000.00',
      '4000,Sales,2000.00',
      ',Total income,2000.00',
      ',Expenses,',
      '5,Expenses,1234.56',
      '6200,Office expenses,1234.56',
      ',Total expenses,1234.56',
      ',Net profit,765.44',
    ]);
  });

  it('balance sheet', async () => {
    const res = await download('balance-sheet', 'date=2026-03-31&format=csv');
    expect(res.body.trim().split('\n')).toEqual([
      'code,name,2026-03-31',
      ',Assets,',
      '1,Assets,11165.44',
      '10,Current assets,11165.44',
      '1010,Bank,8765.44',
      '1100,Trade receivables,2400.00',
      ',Total assets,11165.44',
      ',Liabilities,',
      '2,Liabilities,400.00',
      '2100,VAT payable,400.00',
      ',Total liabilities,400.00',
      ',Equity,',
      '3,Equity,10000.00',
      '3000,Share capital,10000.00',
      ',Profit of the current year not yet closed,765.44',
      ',Total equity,10765.44',
      ',Total liabilities and equity,11165.44',
    ]);
  });
});
