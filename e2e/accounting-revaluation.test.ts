import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './support/api.js';
import { launchChromium, logIn, newPage, screenshot } from './support/browser.js';
import { pick, typeDay } from './support/form-input.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

const shot = (page: Page, name: string) => screenshot(page, `revaluation-${name}`);

/**
 * An accountant revalues the open dollar items at a month end: the preview shows a 200 USD
 * invoice booked at 1.5 worth 320 at 1.6 (a gain of 20), posting books it with its reversal the
 * next day, and the entry opens from the list. Then a customer's credit note is paid back by a
 * refund from the payment editor, which settles it.
 */
describe('Accounting: month-end revaluation and a refund', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const year = new Date().getFullYear();
  const invoicedOn = `${year}-03-10`;
  const revaluedOn = `${year}-03-31`;
  const suffix = Date.now().toString(36);
  const customer = `Meridian Imports ${suffix}`;
  const refunded = `Northwind Returns ${suffix}`;

  beforeAll(async () => {
    const admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const companies = await admin.get<{ items: { id: string; baseCurrency: string }[] }>(
      '/companies?sort=createdAt&limit=1',
    );
    const company = companies.items[0];
    const found = await admin.get<{ items: { id: string; code: string }[] }>(
      `/accounts?companyId=${company.id}&q=4000`,
    );
    const income = found.items.find((a) => a.code === '4000')!.id;
    for (const [validOn, rate] of [
      [invoicedOn, '1.5'],
      [revaluedOn, '1.6'],
    ])
      await admin.post('/exchange-rates', {
        baseCurrency: 'USD',
        quoteCurrency: company.baseCurrency,
        validOn,
        rate,
      });
    const post = async (legalName: string, kind: string, currency: string, amount: string) => {
      const counterparty = await admin.post<{ id: string }>('/counterparties', { legalName, country: 'US' });
      const draft = await admin.post<{ id: string }>('/invoices', {
        companyId: company.id,
        kind,
        counterpartyId: counterparty.id,
        invoiceDate: invoicedOn,
        currency,
        lines: [{ description: 'Goods', accountId: income, quantity: '1', unitPrice: amount }],
      });
      await admin.post(`/invoices/${draft.id}/post`, {});
    };
    await post(customer, 'customer_invoice', 'USD', '200');
    await post(refunded, 'customer_credit_note', company.baseCurrency, '75');

    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
    await logIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('previews the revaluation: the dollar invoice at the month-end rate', async () => {
    await page.getByTestId('nav-revaluation').click();
    await typeDay(page.getByTestId('revaluation-date'), revaluedOn);
    await page.getByTestId('revaluation-preview').click();
    const row = page.getByTestId('revaluation-item').filter({ hasText: customer });
    await expect.poll(() => row.textContent()).toContain('320.00');
    expect(await row.textContent()).toContain('300.00');
    expect(await row.textContent()).toContain('20.00');
    await shot(page, '01-preview');
  });

  it('posts it and opens its entry from the list', async () => {
    await page.getByTestId('revaluation-post').click();
    await page.getByTestId('revaluation-post-confirm').click();
    // The demo revalued the end of last month too: this one is found by its date.
    const row = page.locator(`[data-testid="revaluation-row"][data-date="${revaluedOn}"]`);
    const entry = row.getByTestId('revaluation-entry-link');
    await expect.poll(() => entry.textContent()).toMatch(/^GEN-/);
    await expect.poll(() => row.getByTestId('revaluation-reversal-link').textContent()).toMatch(/^GEN-/);
    await shot(page, '02-posted');
    await entry.click();
    await page.getByTestId('entry-view').waitFor();
    await expect.poll(() => page.getByTestId('entry-view-lines').textContent()).toContain('20.00');
    await shot(page, '03-entry');
  });

  it('pays a credit note back with a refund from the payment editor', async () => {
    await page.getByTestId('nav-payments').click();
    await page.getByTestId('payments-table').waitFor();
    await page.getByTestId('create-payment').click();
    const editor = page.getByTestId('payment-editor');
    await editor.waitFor();
    await editor.getByTestId('payment-refund').check();
    await editor.getByTestId('payment-direction').getByText('Out (refund to a customer)').click();
    await pick(page, editor.getByTestId('payment-counterparty'), refunded.slice(0, 12), new RegExp(refunded));
    await pick(page, editor.getByTestId('payment-journal'), 'BNK', /^BNK — /);
    await typeDay(editor.getByTestId('payment-date'), `${year}-03-20`);
    await editor.getByTestId('payment-amount').fill('75');
    await editor.getByTestId('payment-allocate-by-due-date').check();
    await editor.getByTestId('payment-post').click();

    await page.getByTestId('payment-view').waitFor();
    await expect.poll(() => page.getByTestId('payment-number').textContent()).toMatch(/^PAY-/);
    expect(await page.getByTestId('payment-refund-badge').textContent()).toBe('Refund');
    const allocation = page.getByTestId('allocation').first();
    await expect.poll(() => allocation.getByTestId('allocation-amount').textContent()).toContain('75.00');
    await shot(page, '04-refund');

    await page.getByTestId('nav-payments').click();
    const listed = page.getByTestId('payments-table').locator('tr').filter({ hasText: refunded });
    await expect.poll(() => listed.getByTestId('payment-refund-badge').count()).toBe(1);
  });

  it('opens the customer’s reconciliation act from the aging', async () => {
    await page.getByTestId('nav-aging').click();
    const row = page.locator(`[data-testid="aging-row"][data-counterparty="${customer}"]`);
    await row.getByTestId('statement-link').click();
    // 200 USD at 1.5: the revaluation of March is reversed, so the act ends where the item stands.
    await expect.poll(() => page.getByTestId('statement-closing').textContent()).toContain('300.00');
    await shot(page, '05-statement');
  });
});
