import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, screenshot } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

describe('logging in', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sends a visitor without a session to the login form', async () => {
    await page.goto('/settings/users');
    await page.getByLabel('Email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, '01-login');
  });

  it("shows the server's reason when the password is wrong", async () => {
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The email or password is wrong');
  });

  it('logs in through the form and comes back to the page asked for', async () => {
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('users-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/users');
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-workspace').waitFor();
    expect(await page.getByRole('heading', { level: 3 }).textContent()).toMatch(/^Welcome, /);
    await page.getByTestId('home-companies').getByRole('row').first().waitFor();
    await screenshot(page, '02-home');
  });

  it('logs out from the user menu', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByLabel('Email').waitFor();
    await page.goto('/');
    await page.getByLabel('Email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
