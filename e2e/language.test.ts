import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, newPage, screenshot } from './support/browser.js';

describe('language', () => {
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

  const choose = async (code: string) => {
    await page.getByTestId('language-menu').click();
    await page.getByTestId(`language-${code}`).click();
  };

  it('switches the navigation to Russian, keeps it after a reload, and back to English', async () => {
    expect(await page.getByTestId('nav-users').textContent()).toBe('Users');
    await choose('ru');
    await page.getByTestId('nav-users').getByText('Пользователи').waitFor();
    expect(await page.getByTestId('nav-companies').textContent()).toBe('Организации');
    expect(await page.getByTestId('nav-reference').textContent()).toBe('Справочники');
    expect(await page.getByTestId('nav-group-integrations').textContent()).toContain('Интеграции');
    await screenshot(page, '08-home-ru');

    await page.reload();
    await page.getByTestId('nav-users').getByText('Пользователи').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await choose('en');
    await page.getByTestId('nav-users').getByText('Users').waitFor();
  });
});
