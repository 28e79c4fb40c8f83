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

/**
 * A client complains: the claim is taken in on the Claims & tickets page, worked and resolved
 * with a written resolution, and the list shows it resolved.
 */
describe('CRM: a claim from intake to resolution', () => {
  const stamp = Date.now().toString(36);
  const subject = `Broken pallet ${stamp}`;
  let client = 'Plovdiv Wholesale';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The demo client, or one like it when the demo data is not loaded.
    const admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const found = await admin.get<{ items: { name: string }[] }>(`/clients?q=${encodeURIComponent(client)}`);
    if (!found.items.some((c) => c.name === client)) {
      client = `Claimant ${stamp}`;
      await admin.post('/clients', { name: client, kind: 'organization' });
    }
    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('takes in a claim for a client', async () => {
    await logIn(page);
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('tickets-table').waitFor();
    await page.getByTestId('create-ticket').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Claim', { exact: true }).click();
    await dialog.getByTestId('ticket-subject').fill(subject);
    await dialog.getByTestId('ticket-client').fill(client);
    await page.getByRole('option', { name: client }).click();
    await dialog.getByTestId('ticket-category').fill('Delivery');
    await shot(page, '30-ticket-create');
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('tickets-table').getByRole('row', { name: new RegExp(subject) });
    await row.waitFor();
    await row.getByText(client).waitFor();
    expect(await row.getByTestId('ticket-status').textContent()).toBe('New');
  });

  it('works the claim and resolves it with a resolution', async () => {
    const row = page.getByTestId('tickets-table').getByRole('row', { name: new RegExp(subject) });
    await row.getByTestId('ticket-work').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('ticket-next-status').getByText('In progress').click();
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('ticket-status').textContent()).toBe('In progress');

    await row.getByTestId('ticket-work').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('ticket-next-status').getByText('Resolved').click();
    // A resolution is required before the claim may be resolved.
    await dialog.getByTestId('form-save').click();
    await dialog.getByText('Resolution').first().waitFor();
    expect(await dialog.count()).toBe(1);
    await dialog.getByTestId('ticket-resolution').fill('Replaced the pallet free of charge.');
    await shot(page, '31-ticket-resolve');
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('ticket-status').textContent()).toBe('Resolved');

    await page.getByTestId('ticket-status-filter').getByText('Resolved').click();
    await page
      .getByTestId('tickets-table')
      .getByRole('row', { name: new RegExp(subject) })
      .waitFor();
    await shot(page, '32-tickets-resolved');
  });
});
