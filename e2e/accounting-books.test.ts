import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './support/api.js';
import { launchChromium, logIn, newPage } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

const SHOTS = '/tmp/shots-accounting';

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

/**
 * An accountant keeps the demo company's books: the starter chart is there, a manual journal
 * entry of two lines is posted and numbered, the trial balance shows it, and cancelling it with a
 * reversal brings those accounts back to a zero closing balance.
 */
describe('Accounting: a manual journal entry through the books', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let entryUrl = '';
  let entryNumber = '';
  // Salaries and salaries payable: accounts of the starter chart the demo entries leave alone.
  const amount = '1234.56';
  const shown = '1,234.56';
  const tbRow = (code: string) => page.locator(`[data-testid="tb-row"][data-account-code="${code}"]`);
  const cell = (code: string, column: string) => tbRow(code).getByTestId(`tb-${column}`);

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
    await logIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('opens the chart of accounts of the demo company with the starter chart', async () => {
    await page.getByTestId('nav-chart-of-accounts').click();
    const table = page.getByTestId('accounts-table');
    await table.getByText('Salaries payable').waitFor();
    await table.getByText('Current assets', { exact: true }).waitFor();
    await shot(page, '01-chart-of-accounts');
    await page.getByTestId('tab-journals').click();
    await page.getByTestId('journals-table').getByRole('cell', { name: 'GEN', exact: true }).waitFor();
    await page.getByTestId('tab-accounts').click();
  });

  it('refuses an imported chart with what is wrong on which line', async () => {
    await page.getByTestId('import-chart').click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByTestId('import-csv')
      .fill(
        'code,name,type,parent_code,currency,reconcilable\n7000,Grants,revenue,,,no\n7010,Grant A,income,7999,,no',
      );
    await dialog.getByTestId('import-submit').click();
    const errors = dialog.getByTestId('import-errors');
    await errors.getByRole('row', { name: /^2 type / }).waitFor();
    await errors.getByRole('row', { name: /^3 parent_code / }).waitFor();
    await shot(page, '01b-import-errors');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('saves a draft, opens it again and deletes it', async () => {
    await page.getByTestId('nav-journal-entries').click();
    await page.getByTestId('create-entry').click();
    const editor = page.getByTestId('entry-editor');
    await pick(page, editor.getByTestId('entry-journal'), 'GEN', /^GEN — /);
    await pick(
      page,
      editor.getByTestId('entry-line').first().getByTestId('line-account'),
      '6200',
      /^6200 — /,
    );
    await editor.getByTestId('entry-line').first().getByTestId('line-debit').fill('10');
    await editor.getByTestId('entry-save').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/accounting\/entries\/[0-9a-f-]{36}$/);
    await page.reload();
    await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('Draft');
    expect(await page.getByTestId('entry-line').first().getByTestId('line-debit').inputValue()).toBe('10.00');
    await page.getByTestId('entry-delete').click();
    await page.getByTestId('entry-delete-confirm').click();
    await page.getByTestId('entries-table').waitFor();
  });

  it('drafts an entry of two lines, sees it balance as it is typed, and posts it', async () => {
    await page.getByTestId('nav-journal-entries').click();
    await page.getByTestId('entries-table').waitFor();
    await page.getByTestId('create-entry').click();
    const editor = page.getByTestId('entry-editor');
    await editor.waitFor();
    await pick(page, editor.getByTestId('entry-journal'), 'GEN', /^GEN — /);
    await editor.getByTestId('entry-memo').fill('November salaries accrued');

    const lines = editor.getByTestId('entry-line');
    await pick(page, lines.nth(0).getByTestId('line-account'), '6100', /^6100 — /);
    await lines.nth(0).getByTestId('line-debit').fill(amount);
    await lines.nth(0).getByTestId('line-description').fill('Salaries for November');
    const difference = editor.getByTestId('entry-difference');
    expect(await difference.getAttribute('data-balanced')).toBe('false');
    expect(await difference.textContent()).toContain(shown);

    await pick(page, lines.nth(1).getByTestId('line-account'), '2200', /^2200 — /);
    await lines.nth(1).getByTestId('line-credit').fill(amount);
    await expect.poll(() => difference.getAttribute('data-balanced')).toBe('true');
    expect(await editor.getByTestId('total-debit').textContent()).toContain(shown);
    expect(await editor.getByTestId('total-credit').textContent()).toContain(shown);
    await shot(page, '02-entry-editor');

    await editor.getByTestId('entry-post').click();
    await page.getByTestId('entry-view').waitFor();
    await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('Posted');
    entryNumber = (await page.getByTestId('entry-number').textContent()) ?? '';
    expect(entryNumber).not.toBe('Draft');
    expect(entryNumber).toMatch(/\d/);
    entryUrl = new URL(page.url()).pathname;
    await shot(page, '03-entry-posted');

    await page.getByTestId('nav-journal-entries').click();
    await page.getByTestId('entries-table').getByRole('link', { name: entryNumber }).waitFor();
    await shot(page, '04-journal-entries');
  });

  it('sees the amounts in the trial balance and the general ledger', async () => {
    await page.getByTestId('nav-trial-balance').click();
    await page.getByTestId('trial-balance').waitFor();
    await expect.poll(() => cell('6100', 'periodDebit').textContent()).toContain(shown);
    expect(await cell('6100', 'closingDebit').textContent()).toContain(shown);
    expect(await cell('2200', 'periodCredit').textContent()).toContain(shown);
    expect(await cell('2200', 'closingCredit').textContent()).toContain(shown);
    // Debits equal credits over the whole chart.
    expect(await page.getByTestId('tb-total-closingDebit').textContent()).toBe(
      await page.getByTestId('tb-total-closingCredit').textContent(),
    );
    await shot(page, '05-trial-balance');

    await tbRow('6100').getByTestId('tb-account').click();
    const ledger = page.getByTestId('general-ledger');
    await ledger.getByRole('link', { name: entryNumber }).waitFor();
    await shot(page, '06-general-ledger');
    await ledger.getByRole('link', { name: entryNumber }).click();
    await page.getByTestId('entry-view').waitFor();
    expect(new URL(page.url()).pathname).toBe(entryUrl);
  });

  it('cancels the entry with a reversal, and the accounts close at zero again', async () => {
    await page.getByTestId('entry-cancel').click();
    const dialog = page.getByRole('dialog');
    await shot(page, '07-entry-cancel');
    await dialog.getByTestId('entry-cancel-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('Cancelled');
    const reversal = page.getByTestId('entry-reversal-link');
    await expect.poll(() => reversal.textContent()).toMatch(/\d/);
    await shot(page, '08-entry-cancelled');
    await reversal.click();
    await page.getByTestId('entry-reversed-link').waitFor();

    await page.getByTestId('nav-trial-balance').click();
    await page.getByTestId('trial-balance').waitFor();
    // The turnover shows both the entry and its reversal; nothing is left on either account.
    await expect.poll(() => cell('6100', 'periodCredit').textContent()).toContain(shown);
    expect(await cell('6100', 'periodDebit').textContent()).toContain(shown);
    expect(await cell('6100', 'closingDebit').textContent()).toBe('');
    expect(await cell('6100', 'closingCredit').textContent()).toBe('');
    expect(await cell('2200', 'closingDebit').textContent()).toBe('');
    expect(await cell('2200', 'closingCredit').textContent()).toBe('');
    await shot(page, '09-trial-balance-after-cancel');
  });

  it('shows the fiscal year of the demo company with its months', async () => {
    await page.getByTestId('nav-fiscal-periods').click();
    await page.getByTestId('fiscal-year').first().waitFor();
    expect(await page.getByTestId('fiscal-period').count()).toBe(12);
    await shot(page, '10-fiscal-periods');
  });

  it('accounting pages vanish when the module is switched off, and come back', async () => {
    const admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.put('/modules/accounting', { enabled: false });
    try {
      await page.goto('/');
      await page.getByTestId('nav-clients').waitFor();
      expect(await page.getByTestId('nav-group-accounting').count()).toBe(0);
      await page.goto('/accounting/trial-balance');
      await page.getByText('Module is switched off').waitFor();
    } finally {
      await admin.put('/modules/accounting', { enabled: true });
    }
    await page.goto('/accounting/trial-balance');
    await page.getByTestId('trial-balance').waitFor();
  });
});
