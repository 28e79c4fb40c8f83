import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camt053Document } from '../src/modules/accounting/bank/camt053-writer.js';
import { type ApiSession, apiLogin } from './support/api.js';
import { launchChromium, logIn, newPage, screenshot } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

/**
 * An accountant imports the bank's camt.053 statement: the customer's transfer is suggested
 * against its invoice by the number in the remittance text and confirmed in one click (a receipt
 * posted and allocated, the invoice paid), and the bank's fee is set aside with a note.
 */
describe('Accounting: a bank statement imported, a line confirmed against its invoice, a fee ignored', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: ApiSession;
  let invoice: { id: string; number: string };
  const run = Date.now().toString(36);
  const customer = `Initech Bank Test ${run}`;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const companies = await admin.get<{ items: { id: string }[] }>('/companies?sort=createdAt&limit=1');
    const companyId = companies.items[0].id;
    const accounts = await admin.get<{ items: { id: string; code: string }[] }>(
      `/accounts?companyId=${companyId}&q=4000`,
    );
    const counterparty = await admin.post<{ id: string }>('/counterparties', {
      legalName: customer,
      country: 'DE',
      bankAccounts: [{ iban: 'DE75512108001245126199' }],
    });
    const draft = await admin.post<{ id: string }>('/invoices', {
      companyId,
      kind: 'customer_invoice',
      counterpartyId: counterparty.id,
      invoiceDate: today,
      lines: [
        {
          description: 'Printer service',
          accountId: accounts.items.find((a) => a.code === '4000')!.id,
          quantity: '1',
          unitPrice: '777.77',
        },
      ],
    });
    invoice = await admin.post(`/invoices/${draft.id}/post`);

    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
    await logIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('imports the statement file into the bank journal', async () => {
    const xml = camt053Document({
      statementId: `E2E-${run}`,
      iban: 'BG18RZBB91550123456789',
      currency: 'EUR',
      openingBalance: '100.00',
      entries: [
        {
          bookingDate: today,
          amount: '777.77',
          reference: `Payment ${invoice.number}`,
          counterpartyName: customer.toUpperCase(),
          counterpartyIban: 'DE75512108001245126199',
          bankReference: `E2E-${run}-1`,
        },
        {
          bookingDate: today,
          amount: '-3.20',
          reference: 'Card fee',
          counterpartyName: null,
          counterpartyIban: null,
          bankReference: `E2E-${run}-2`,
        },
      ],
    });
    await page.getByTestId('nav-bank').click();
    await page.getByTestId('bank-statements-table').waitFor();
    await page.getByTestId('import-statement').click();
    await page.locator('input[type="file"]').setInputFiles({
      name: `statement-${run}.xml`,
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    await expect.poll(() => page.getByTestId('import-submit').isEnabled(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'bank-01-import');
    await page.getByTestId('import-submit').click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 20_000 })
      .toMatch(/^\/accounting\/bank\/[0-9a-f-]{36}$/);
    await page.getByTestId('statement-lines').waitFor();
    await expect
      .poll(() => page.getByTestId('line-status-1').textContent(), { timeout: 20_000 })
      .toBe('Open');
    await expect
      .poll(() => page.getByTestId('statement-lines').textContent(), { timeout: 20_000 })
      .toContain(invoice.number);
    await screenshot(page, 'bank-02-statement');
  });

  it('confirms the transfer against the suggested invoice: a receipt posted and allocated', async () => {
    await page.getByTestId('match-line-1').click();
    const modal = page.getByTestId('line-match');
    await modal.waitFor();
    await expect
      .poll(() => modal.getByTestId('match-items').textContent(), { timeout: 20_000 })
      .toContain(invoice.number);
    await expect
      .poll(() => modal.getByTestId(`match-pick-${invoice.number}`).isChecked(), { timeout: 20_000 })
      .toBe(true);
    await screenshot(page, 'bank-03-match');
    await modal.getByTestId('match-confirm').click();
    await expect
      .poll(() => page.getByTestId('line-status-1').textContent(), { timeout: 20_000 })
      .toBe('Confirmed');
    const posted = await admin.get<{ openItems: { outstanding: string }[] }>(`/invoices/${invoice.id}`);
    expect(posted.openItems.map((o) => o.outstanding)).toEqual(['0.0000']);
  });

  it('sets the fee aside with a note', async () => {
    await page.getByTestId('match-line-2').click();
    const modal = page.getByTestId('line-match');
    await modal.waitFor();
    await modal.getByTestId('ignore-note').fill('Card fees, booked monthly');
    await modal.getByTestId('ignore-line').click();
    await expect
      .poll(() => page.getByTestId('line-status-2').textContent(), { timeout: 20_000 })
      .toBe('Ignored');
    await expect
      .poll(() => page.getByTestId('statement-lines').textContent())
      .toContain('Card fees, booked monthly');
    await screenshot(page, 'bank-04-done');
  });
});
