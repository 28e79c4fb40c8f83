import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiLogin } from './support/api.js';
import { launchChromium, logIn, newPage } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

const SHOTS = '/tmp/shots-accounting-reports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function pick(page: Page, select: Locator, option: RegExp) {
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * An accountant reads the demo company's statements: a training expense of the year, tagged
 * with a cost centre, shows in the profit and loss (in its own column by cost centre, against
 * last year), opens its general ledger, downloads as XLSX; the balance sheet balances.
 */
describe('Accounting: profit and loss and balance sheet', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: ApiSession;
  let companyId = '';
  let currency = '';
  let trainingId = '';
  const today = new Date().toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  const money = (amount: string) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2 }).format(
      amount as unknown as number,
    );
  const row = (code: string) => page.locator(`[data-testid="statement-row"][data-account-code="${code}"]`);

  beforeAll(async () => {
    admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const companies = await admin.get<{ items: { id: string; baseCurrency: string }[] }>(
      '/companies?sort=createdAt',
    );
    companyId = companies.items[0].id;
    currency = companies.items[0].baseCurrency;
    const accounts = await admin.get<{ items: { id: string; code: string }[] }>(
      `/accounts?companyId=${companyId}&limit=200`,
    );
    const id = (code: string) => accounts.items.find((a) => a.code === code)!.id;
    trainingId = (
      await admin.post<{ id: string }>('/accounts', {
        companyId,
        code: '6150',
        name: 'Staff training',
        type: 'expense',
        parentId: id('5'),
      })
    ).id;
    const centre = await admin.post<{ id: string }>('/analytic-dimensions', {
      companyId,
      kind: 'cost_centre',
      code: 'ACADEMY',
      name: 'Academy',
    });
    const journals = await admin.get<{ items: { id: string; code: string }[] }>(
      `/journals?companyId=${companyId}`,
    );
    const entry = await admin.post<{ id: string }>('/journal-entries', {
      companyId,
      journalId: journals.items.find((j) => j.code === 'GEN')!.id,
      postingDate: today,
      memo: 'First-aid course',
      lines: [
        { accountId: trainingId, debit: '777.77', credit: '0', costCentreId: centre.id },
        { accountId: id('1010'), debit: '0', credit: '777.77' },
      ],
    });
    await admin.post(`/journal-entries/${entry.id}/post`);
    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
    await logIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the expense in the tree with the net profit the API computes', async () => {
    const report = await admin.get<{ netProfit: string[] }>(
      `/accounting/profit-and-loss?companyId=${companyId}&from=${year}-01-01&to=${year}-12-31`,
    );
    await page.getByTestId('nav-profit-and-loss').click();
    await page.getByTestId('profit-and-loss').waitFor();
    await expect.poll(() => row('6150').getByTestId('statement-amount').textContent()).toBe(money('777.77'));
    expect(await page.getByTestId('net-profit').getByTestId('statement-total').textContent()).toBe(
      money(report.netProfit[0]),
    );
    // The sales of the demo invoices make the year's income.
    expect(await row('4000').count()).toBe(1);
    await shot(page, '01-profit-and-loss');

    await page.getByTestId('collapse-all').click();
    await expect.poll(() => row('6150').count()).toBe(0);
    expect(await row('5').count()).toBe(1);
    await page.getByTestId('expand-all').click();
    await row('6150').waitFor();
  });

  it('compares with last year, and gives a column per cost centre', async () => {
    const headers = page.getByTestId('statement-column');
    const lastYear = `${Number(year) - 1}-01-01 – ${Number(year) - 1}-12-31`;
    await page.getByTestId('pnl-compare').check({ force: true });
    await expect.poll(() => headers.allTextContents()).toEqual([`${year}-01-01 – ${year}-12-31`, lastYear]);
    expect(await row('6150').getByTestId('statement-amount').allTextContents()).toEqual([
      money('777.77'),
      money('0.00'),
    ]);
    await shot(page, '02-comparison');

    await pick(page, page.getByTestId('pnl-columns-by'), /^Cost centre$/);
    await expect.poll(() => headers.allTextContents()).toContain('ACADEMY Academy');
    const names = await headers.allTextContents();
    expect(names.slice(-3)).toEqual(['No value', 'Total', lastYear]);
    const cells = await row('6150').getByTestId('statement-amount').allTextContents();
    expect(cells[names.indexOf('ACADEMY Academy')]).toBe(money('777.77'));
    expect(cells.slice(-3)).toEqual([money('0.00'), money('777.77'), money('0.00')]);
    await shot(page, '03-columns-by-cost-centre');
  });

  it('downloads the statement as XLSX', async () => {
    const href = await page.getByTestId('pnl-xlsx').getAttribute('href');
    expect(href).toContain('format=xlsx');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe(XLSX);
    // An XLSX is a zip: it starts with PK.
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it('opens the general ledger of an account from the statement', async () => {
    await row('6150').getByTestId('statement-account').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('accountId')).toBe(trainingId);
    const ledger = page.getByTestId('general-ledger');
    await expect.poll(() => ledger.textContent()).toContain('First-aid course');
    expect(await page.getByTestId('general-ledger-xlsx').getAttribute('href')).toContain('format=xlsx');
    await shot(page, '04-general-ledger');
  });

  it('the balance sheet balances, the profit of the year a line of equity', async () => {
    await page.getByTestId('nav-balance-sheet').click();
    await page.getByTestId('balance-sheet').waitFor();
    const assets = page.getByTestId('total-assets').getByTestId('statement-total');
    const both = page.getByTestId('liabilities-and-equity').getByTestId('statement-total');
    await expect.poll(() => assets.textContent()).toMatch(/\d/);
    expect(await assets.textContent()).toBe(await both.textContent());
    await row('current_year_profit').waitFor();
    expect(await row('current_year_profit').textContent()).toContain(
      'Profit of the current year not yet closed',
    );
    expect(await page.getByTestId('bs-difference').count()).toBe(0);
    await shot(page, '05-balance-sheet');
    await page.getByTestId('bs-compare').check({ force: true });
    await expect.poll(() => page.getByTestId('statement-column').count()).toBe(2);
    expect(await page.getByTestId('bs-xlsx').getAttribute('href')).toContain('compareDate=');
  });

  it('the trial balance downloads as XLSX too', async () => {
    await page.getByTestId('nav-trial-balance').click();
    const href = await page.getByTestId('trial-balance-xlsx').getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe(XLSX);
  });
});
