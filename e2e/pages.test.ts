import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, newPage, screenshot } from './support/browser.js';

/** Opens every settings page, checks it shows data rather than an error, and takes its picture. */
describe('settings pages', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
    await logIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const firstRow = (table: string) => page.getByTestId(table).locator('tbody tr').first();

  it('roles: lists built-in roles and opens one read-only', async () => {
    await page.getByTestId('nav-roles').click();
    await firstRow('roles-table').waitFor();
    await screenshot(page, '09-roles');
    await page.getByTestId('create-role').click();
    await page.getByTestId('permission-group-platform').waitFor();
    await screenshot(page, '10-role-create');
    await page.keyboard.press('Escape');
  });

  it('companies: lists the demo companies and opens the form with a structured address', async () => {
    await page.getByTestId('nav-companies').click();
    await firstRow('companies-table').waitFor();
    await screenshot(page, '11-companies');
    await page.getByTestId('companies-table').locator('tbody tr').first().getByRole('button').first().click();
    await page.getByTestId('company-country').waitFor();
    // The country list arrives after the form opens; the select then names the saved country.
    await expect.poll(() => page.getByTestId('company-country').inputValue()).toMatch(/^[A-Z]{2} — /);
    await screenshot(page, '12-company-edit');
    await page.keyboard.press('Escape');
  });

  it('reference data: every tab loads', async () => {
    await page.getByTestId('nav-reference').click();
    await firstRow('currency-table').waitFor();
    await screenshot(page, '13-reference-currencies');
    const tabs: [string, string][] = [
      ['tab-rates', 'exchange-rate-table'],
      ['tab-units', 'unit-table'],
      ['tab-countries', 'country-table'],
      ['tab-positions', 'position-table'],
      ['tab-industries', 'industry-table'],
    ];
    for (const [tab, table] of tabs) {
      await page.getByTestId(tab).click();
      await page.getByTestId(table).waitFor();
    }
    await page.getByTestId('tab-units').click();
    await firstRow('unit-conversion-table').waitFor();
    await screenshot(page, '14-reference-units');
    await page.getByTestId('tab-rates').click();
    await page.getByTestId('create-exchange-rate').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Base currency').fill('CHF');
    await page.getByRole('option', { name: /^CHF — / }).click();
    await dialog.getByLabel('Quote currency').fill('MNT');
    await page.getByRole('option', { name: /^MNT — / }).click();
    // Far ahead, so the newest-first list shows it on page one whatever rates the demo brings.
    await dialog.getByLabel('Date').fill('2031-01-02');
    await dialog.getByLabel('Rate').fill('3812.0000000001');
    await screenshot(page, '15-exchange-rate-form');
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    // The rate comes back as the digits typed: decimals are strings end to end.
    await page.getByTestId('exchange-rate-table').getByText('3812.0000000001').waitFor();
  });

  it('audit log: shows what happened', async () => {
    await page.getByTestId('nav-audit').click();
    await firstRow('audit-table').waitFor();
    await screenshot(page, '16-audit');
  });

  it('profile: shows the details and the password form', async () => {
    await page.getByTestId('nav-profile').click();
    await page.getByTestId('profile-name').waitFor();
    await screenshot(page, '17-profile');
  });

  it('API tokens: makes a token and shows its secret once', async () => {
    await page.getByTestId('nav-api-tokens').click();
    await page.getByTestId('api-tokens-table').waitFor();
    await page.getByTestId('create-api-token').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Web shop');
    await dialog.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Accountant' }).click();
    await dialog.getByTestId('form-save').click();
    const secret = dialog.getByTestId('api-token-secret');
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThan(20);
    await screenshot(page, '18-api-token-created');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('api-tokens-table').getByText('Web shop').waitFor();
    await screenshot(page, '19-api-tokens');
  });

  it('dark theme: the toggle switches and survives a reload', async () => {
    await page.getByTestId('nav-home').click();
    await page.getByTestId('theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await page.reload();
    await page.getByTestId('home-workspace').waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await screenshot(page, '20-home-dark');
    await page.getByTestId('nav-users').click();
    await firstRow('users-table').waitFor();
    await screenshot(page, '21-users-dark');
  });
});
