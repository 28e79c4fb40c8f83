import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, logIn, newPage, screenshot } from './support/browser.js';

describe('Settings → Users', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
    await logIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('creates a user with a role and shows it in the list', async () => {
    const email = `e2e.user.${stamp}@demo.test`;
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await screenshot(page, '03-users');

    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog');
    // Client checks first: an empty form names every missing field.
    await dialog.getByTestId('user-save').click();
    expect(await dialog.getByText('Required').count()).toBeGreaterThanOrEqual(3);

    await dialog.getByTestId('user-email').fill(email);
    await dialog.getByTestId('user-name').fill(`E2E User ${stamp}`);
    await dialog.getByTestId('user-password').fill('a-long-enough-password');
    await dialog.getByTestId('user-roles').click();
    await page.getByRole('option', { name: 'Accountant' }).click();
    await dialog.getByRole('heading').click(); // closes the option list
    await screenshot(page, '04-user-create');
    await dialog.getByTestId('user-save').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('filter-input').fill(stamp);
    const row = page
      .getByTestId('users-table')
      .getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Accountant');
  });

  it('maps a server refusal onto the field it names', async () => {
    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('user-email').fill(`e2e.weak.${stamp}@demo.test`);
    await dialog.getByTestId('user-name').fill('Weak Password');
    // Long enough for the client, but the same as the email: only the server knows that rule.
    await dialog.getByTestId('user-password').fill(`e2e.weak.${stamp}@demo.test`);
    await dialog.getByTestId('user-save').click();
    await dialog.getByText('must not be the same as the email').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('invites by email and shows the link to accept', async () => {
    await page.getByTestId('invite-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('invite-email').fill(`e2e.invited.${stamp}@demo.test`);
    await dialog.getByTestId('invite-send').click();
    const link = dialog.getByTestId('invite-link');
    await link.waitFor();
    const acceptUrl = await link.inputValue();
    expect(acceptUrl).toContain('/invite/');
    await screenshot(page, '05-invite-link');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByTestId('tab-invitations').click();
    await page.getByTestId('invitations-table').getByText(`e2e.invited.${stamp}@demo.test`).waitFor();

    // The invited person opens the link in their own browser.
    const invited = await newPage(browser);
    await invited.page.goto(acceptUrl);
    expect(await invited.page.getByTestId('invitation-email').inputValue()).toBe(
      `e2e.invited.${stamp}@demo.test`,
    );
    await screenshot(invited.page, '06-accept-invitation');
    await invited.page.getByLabel('Name').fill(`Invited ${stamp}`);
    await invited.page.getByLabel('Password', { exact: true }).fill('invited-password-2026');
    await invited.page.getByLabel('Repeat the password').fill('invited-password-2026');
    await invited.page.getByTestId('invitation-accept').click();
    await invited.page.getByTestId('home-workspace').waitFor();
    await invited.context.close();
  });
});
