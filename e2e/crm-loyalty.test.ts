import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './support/api.js';
import { launchChromium, logIn, newPage } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

const SHOTS = '/tmp/shots-crm';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The Luhn check digit the server expects at the end of a card number. */
function withCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits + String((10 - (sum % 10)) % 10);
}

/**
 * A bonus program at the till: the manager sets up a program and issues a card to a client on
 * the Loyalty page, then the cashier finds the member by the card number, credits points for
 * a paid purchase and sees the new balance; spending more than the balance is refused under the field.
 */
describe('CRM: loyalty points at the till', () => {
  const stamp = Date.now().toString(36);
  const client = `Loyal client ${stamp}`;
  const program = `Club ${stamp}`;
  const cardNumber = withCheckDigit(`9${String(Date.now()).slice(-11)}`);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.post('/clients', { name: client, kind: 'person' });
    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('creates a program on the Loyalty page', async () => {
    await logIn(page);
    await page.getByTestId('nav-loyalty').click();
    await page.getByTestId('programs-table').waitFor();
    await page.getByTestId('create-program').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('program-name').fill(program);
    await dialog.getByTestId('program-accrual').fill('5');
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('programs-table')
      .getByRole('row', { name: new RegExp(program) })
      .waitFor();
    await shot(page, '40-loyalty-programs');
  });

  it('issues a card to a client', async () => {
    await page.getByTestId('tab-cards').click();
    await page.getByTestId('cards-program').click();
    await page.getByRole('option', { name: program }).click();
    await page.getByTestId('issue-card').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('issue-card-client').fill(client);
    await page.getByRole('option', { name: client }).click();
    await dialog.getByTestId('issue-card-number').fill(cardNumber);
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('cards-table').getByRole('row', { name: new RegExp(cardNumber) });
    await row.waitFor();
    expect(await row.textContent()).toContain(client);
    await shot(page, '41-loyalty-cards');
  });

  it('looks the card up, credits points for a paid amount and shows the balance', async () => {
    await page.getByTestId('lookup-program').click();
    await page.getByRole('option', { name: new RegExp(program) }).click();
    await page.getByTestId('lookup-card-number').fill(cardNumber);
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').waitFor();
    await expect.poll(() => page.getByTestId('lookup-client').textContent()).toBe(client);
    expect(await page.getByTestId('lookup-balance').textContent()).toBe('0.00');

    await page.getByTestId('accrue-amount').fill('200.00');
    await page.getByTestId('accrue-submit').click();
    // 5% of 200.00: the server's decimal arithmetic, shown as it sent it.
    await expect.poll(() => page.getByTestId('lookup-balance').textContent()).toBe('10.00');
    await shot(page, '42-loyalty-accrued');
  });

  it('refuses to spend more points than the balance, under the points field', async () => {
    await page.getByTestId('redeem-points').fill('50');
    await page.getByTestId('redeem-submit').click();
    await page.getByTestId('redeem-form').getByText('exceeds the balance of 10.00').waitFor();
    expect(await page.getByTestId('lookup-balance').textContent()).toBe('10.00');
  });
});
