import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './support/api.js';
import { launchChromium, logIn, newPage } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

const SHOTS = '/tmp/shots-invoicing';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Picks an option of a Mantine select by typing the start of its label. */
async function pick(page: Page, select: Locator, typed: string, option: RegExp) {
  await select.click();
  await select.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Types a day into a date input the way a person would, then leaves the field. */
async function typeDay(input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Tab');
}

/**
 * An accountant invoices a foreign customer in USD: the invoice is drafted and posted through
 * the page, a part of it is paid later at another rate and allocated, the exchange difference is
 * booked by its own entry, and the aging shows what the customer still owes in the company
 * currency.
 *
 * 2 × 500 USD + 20 % VAT = 1,200 USD at 1.8 = 2,160 in the company currency. Paid 500 USD at 1.7
 * = 850, which settles 900 of the receivable: an exchange loss of 50; 700 USD (1,260) stays open.
 */
describe('Accounting: a USD invoice, a partial payment at another rate, and the aging', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let invoiceUrl = '';
  const year = new Date().getFullYear();
  const invoiceDate = `${year}-01-05`;
  const paymentDate = `${year}-01-20`;
  const customer = `Globex Trading ${Date.now().toString(36)}`;
  const taxName = 'VAT 20 % e2e';

  beforeAll(async () => {
    const admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const companies = await admin.get<{ items: { id: string; baseCurrency: string }[] }>(
      '/companies?sort=createdAt&limit=1',
    );
    const company = companies.items[0];
    if (!company) throw new Error('The demo company is missing');
    const accountId = async (code: string) => {
      const found = await admin.get<{ items: { id: string; code: string }[] }>(
        `/accounts?companyId=${company.id}&q=${code}`,
      );
      const account = found.items.find((a) => a.code === code);
      if (!account) throw new Error(`Account ${code} is missing from the demo chart`);
      return account.id;
    };
    await admin.post('/taxes', {
      companyId: company.id,
      name: taxName,
      ratePercent: '20',
      salesAccountId: await accountId('2100'),
      purchaseAccountId: await accountId('1300'),
    });
    for (const [validOn, rate] of [
      [invoiceDate, '1.8'],
      [paymentDate, '1.7'],
    ]) {
      await admin.post('/exchange-rates', {
        baseCurrency: 'USD',
        quoteCurrency: company.baseCurrency,
        validOn,
        rate,
      });
    }
    await admin.post('/counterparties', { legalName: customer, country: 'US' });

    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
    await logIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('drafts a customer invoice in USD and sees the totals the server computed', async () => {
    await page.getByTestId('nav-invoices').click();
    await page.getByTestId('invoices-table').waitFor();
    await page.getByTestId('create-invoice').click();
    const editor = page.getByTestId('invoice-editor');
    await editor.waitFor();
    await pick(page, editor.getByTestId('invoice-counterparty'), customer.slice(0, 12), new RegExp(customer));
    await typeDay(editor.getByTestId('invoice-date'), invoiceDate);
    await pick(page, editor.getByTestId('invoice-currency'), 'USD', /^USD — /);

    const line = editor.getByTestId('invoice-line').first();
    await line.getByTestId('line-description').fill('Consulting, January');
    await pick(page, line.getByTestId('line-account'), '4000', /^4000 — /);
    await line.getByTestId('line-quantity').fill('2');
    await line.getByTestId('line-unitPrice').fill('500');
    await pick(page, line.getByTestId('line-taxes'), 'VAT', new RegExp(taxName));
    await page.keyboard.press('Escape');
    expect(await line.getByTestId('line-net-preview').textContent()).toContain('1,000.00');

    await editor.getByTestId('invoice-save').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/accounting\/invoices\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('invoice-gross').textContent()).toContain('1,200.00');
    expect(await page.getByTestId('invoice-net').textContent()).toContain('1,000.00');
    expect(await page.getByTestId('invoice-tax').textContent()).toContain('200.00');
    await shot(page, '01-invoice-draft');
  });

  it('posts the invoice: numbered, one open item, its journal entry linked', async () => {
    await page.getByTestId('invoice-post').click();
    await page.getByTestId('invoice-view').waitFor();
    await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('Posted');
    expect(await page.getByTestId('invoice-number').textContent()).toMatch(/^INV-\d{4}-\d{5}$/);
    const items = page.getByTestId('invoice-open-items').getByTestId('open-item');
    expect(await items.count()).toBe(1);
    expect(await items.first().getByTestId('open-item-outstanding').textContent()).toContain('1,200.00');
    await expect.poll(() => page.getByTestId('invoice-entry-link').textContent()).toMatch(/^SAL-/);
    invoiceUrl = new URL(page.url()).pathname;
    await shot(page, '02-invoice-posted');
  });

  it('records a partial payment in USD at another rate and allocates it to the invoice', async () => {
    await page.getByTestId('nav-payments').click();
    await page.getByTestId('payments-table').waitFor();
    await page.getByTestId('create-payment').click();
    const editor = page.getByTestId('payment-editor');
    await editor.waitFor();
    await pick(page, editor.getByTestId('payment-counterparty'), customer.slice(0, 12), new RegExp(customer));
    await pick(page, editor.getByTestId('payment-journal'), 'BNK', /^BNK — /);
    await typeDay(editor.getByTestId('payment-date'), paymentDate);
    await pick(page, editor.getByTestId('payment-currency'), 'USD', /^USD — /);
    await editor.getByTestId('payment-amount').fill('500');
    await editor.getByTestId('payment-reference').fill('Wire 0042');
    await shot(page, '03-payment-draft');
    await editor.getByTestId('payment-post').click();

    const panel = page.getByTestId('allocation-panel');
    await panel.waitFor();
    await expect.poll(() => page.getByTestId('payment-number').textContent()).toMatch(/^RCPT-/);
    expect(await panel.getByTestId('payment-left').textContent()).toContain('500.00');
    const item = panel.getByTestId('allocatable-items').getByTestId('open-item').first();
    await item.waitFor();
    expect(await item.getByTestId('allocate-amount').inputValue()).toBe('500.00');
    await item.getByTestId('allocate').click();

    const allocation = panel.getByTestId('allocation').first();
    await allocation.waitFor();
    expect(await allocation.getByTestId('allocation-amount').textContent()).toContain('500.00');
    // 500 USD settle 900 of the receivable but brought 850: the loss is its own entry.
    const exchange = allocation.getByTestId('allocation-exchange-entry');
    await expect.poll(() => exchange.textContent()).toMatch(/^GEN-/);
    await shot(page, '04-payment-allocated');
    await exchange.click();
    await page.getByTestId('entry-view').waitFor();
    await expect.poll(() => page.getByTestId('entry-view-lines').textContent()).toContain('50.00');
    await shot(page, '05-exchange-entry');
  });

  it('sees the invoice outstanding drop to 700 USD', async () => {
    await page.goto(invoiceUrl);
    const item = page.getByTestId('invoice-open-items').getByTestId('open-item').first();
    await expect.poll(() => item.getByTestId('open-item-outstanding').textContent()).toContain('700.00');
    await shot(page, '06-invoice-partly-paid');
  });

  it('opens the aging and sees what the customer still owes, and its open item', async () => {
    await page.getByTestId('nav-aging').click();
    await page.getByTestId('aging-table').waitFor();
    await typeDay(page.getByLabel('As of'), paymentDate);
    const row = page.locator(`[data-testid="aging-row"][data-counterparty="${customer}"]`);
    await expect.poll(() => row.getByTestId('aging-total').textContent()).toContain('1,260.00');
    await row.getByTestId('aging-counterparty').click();
    const items = page.getByTestId('aging-open-items').getByTestId('open-item');
    await expect
      .poll(() => items.first().getByTestId('open-item-outstanding').textContent())
      .toContain('700.00');
    await shot(page, '07-aging');
  });
});
