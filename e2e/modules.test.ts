import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, newPage, screenshot } from './support/browser.js';

describe('Settings → Modules', () => {
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

  const apiTokensLink = () => page.getByTestId('nav-api-tokens');
  /** Mantine hides the real checkbox; a person clicks the visible track in its label. */
  const integrationsSwitch = () => page.locator('label:has([data-testid="module-switch-integrations"])');
  const isOn = () => page.getByTestId('module-switch-integrations').isChecked();

  it('hides the API tokens page when the integrations module is switched off, and brings it back', async () => {
    await apiTokensLink().waitFor();
    await page.getByTestId('nav-modules').click();
    await page.getByTestId('module-switch-integrations').waitFor({ state: 'attached' });
    expect(await isOn()).toBe(true);
    await screenshot(page, '07-modules');

    await integrationsSwitch().click();
    await apiTokensLink().waitFor({ state: 'detached' });
    expect(await isOn()).toBe(false);
    expect(await page.getByTestId('nav-group-integrations').count()).toBe(0);

    // The page itself says why it is not there, rather than failing.
    await page.goto('/integrations/api-tokens');
    await page.getByText('Module is switched off').waitFor();

    await page.getByTestId('nav-modules').click();
    await page.getByTestId('module-switch-integrations').waitFor({ state: 'attached' });
    await integrationsSwitch().click();
    await apiTokensLink().waitFor();
    expect(await isOn()).toBe(true);
  });
});
