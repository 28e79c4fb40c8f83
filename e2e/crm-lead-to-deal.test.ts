import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiLogin } from './support/api.js';
import { launchChromium, logIn, newPage } from './support/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/tandem-server.js';

const SHOTS = '/tmp/shots-crm';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

interface Role {
  id: string;
  key: string | null;
}
interface Pipeline {
  id: string;
  stages: { id: string; name: string }[];
}

/**
 * A lead comes in through a website's form and becomes business: a sales manager qualifies it
 * into a client, a contact and a deal, moves the deal along the board past a stage regulation
 * and wins it; the client card's timeline tells the story; a sales rep never sees that client.
 */
describe('CRM: from a web form lead to a won deal', () => {
  const stamp = Date.now().toString(36);
  const company = `Acme ${stamp}`;
  const password = 'e2e-sales-password-2026';
  const manager = { email: `manager.${stamp}@demo.test`, name: `Mila Manager ${stamp}` };
  const rep = { email: `rep.${stamp}@demo.test`, name: `Rado Rep ${stamp}` };
  let admin: ApiSession;
  let publicKey: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let clientUrl = '';
  const dealTitle = `Deal with ${company}`;

  beforeAll(async () => {
    admin = await apiLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const roles = await admin.get<{ items: Role[] }>('/roles?limit=200');
    const roleId = (key: string) => roles.items.find((r) => r.key === key)!.id;
    await admin.post('/users', { ...manager, password, roleIds: [roleId('sales_manager')] });
    await admin.post('/users', { ...rep, password, roleIds: [roleId('sales_rep')] });

    // The manager sets up the pipeline and the web form through the API, as an integration would.
    const mgr = await apiLogin(manager.email, password);
    await mgr.post<Pipeline>('/pipelines', {
      name: `E2E sales ${stamp}`,
      isDefault: true,
      stages: [
        { name: 'New', probability: '10' },
        { name: 'Proposal', probability: '50' },
        { name: 'Won', probability: '100', outcome: 'won' },
        { name: 'Lost', probability: '0', outcome: 'lost' },
      ],
    });
    const source = await mgr.post<{ id: string }>('/sources', { kind: 'web_form', name: `Website ${stamp}` });
    const form = await mgr.post<{ publicKey: string }>('/web-forms', {
      name: `Contact us ${stamp}`,
      sourceId: source.id,
      responsibleUserId: mgr.userId,
    });
    publicKey = form.publicKey;

    browser = await launchChromium();
    ({ context, page } = await newPage(browser));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('takes a lead posted by a website', async () => {
    // What the page's HTML form does: a plain POST from another origin, no login.
    const response = await fetch(`${inject('baseUrl')}/api/v1/public/forms/${publicKey}/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://acme.example' },
      body: JSON.stringify({
        name: 'Anna Petrova',
        company,
        email: `anna.${stamp}@acme.example`,
        phone: '+359 88 812 3456',
        message: 'We need 40 units by spring.',
      }),
    });
    expect(response.status).toBe(202);
  });

  it('the manager sets the Proposal stage regulation in Settings → Pipelines', async () => {
    await logIn(page, manager.email, password);
    await page.getByTestId('nav-pipelines').click();
    const proposal = page.locator('[data-testid="stage-row"][data-stage-name="Proposal"]');
    await proposal.getByTestId('stage-edit').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('regulation-fields').click();
    await page.getByRole('option', { name: 'Amount' }).click();
    await page.getByRole('option', { name: 'Expected close' }).click();
    await dialog.getByRole('heading').click();
    await shot(page, '20-stage-regulation');
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    await proposal.getByText('Amount, Expected close').waitFor();
    await shot(page, '19-settings-pipelines');
  });

  it('sees the lead in Leads and qualifies it into a client, a contact and a deal', async () => {
    await page.getByTestId('nav-leads').click();
    const row = page.getByTestId('leads-table').getByRole('row', { name: new RegExp(company) });
    await row.waitFor();
    await shot(page, '01-leads');
    await row.getByTestId('lead-qualify').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('qualify-client-name').inputValue()).toBe(company);
    expect(await dialog.getByTestId('qualify-first-name').inputValue()).toBe('Anna');
    expect(await dialog.getByTestId('qualify-deal-title').inputValue()).toBe(dealTitle);
    await shot(page, '02-lead-qualify');
    await dialog.getByTestId('qualify-confirm').click();
    await page.getByTestId('deal-card').waitFor();
    expect(await page.getByTestId('deal-stage').textContent()).toBe('New');
    await page.getByTestId('deal-contacts').getByText('Anna Petrova').waitFor();
  });

  it('drags the deal to a stage whose regulation is unmet, fills what is missing, and wins it', async () => {
    await page.getByTestId('nav-deals').click();
    await page.getByTestId('deal-board').waitFor();
    const column = (stage: string) => page.locator(`[data-stage-name="${stage}"]`);
    const tileIn = (stage: string) => column(stage).locator(`[data-deal-title="${dealTitle}"]`);
    await tileIn('New').waitFor();
    await shot(page, '03-deal-board');

    await tileIn('New').dragTo(column('Proposal'));
    const missing = page.getByTestId('missing-dialog');
    await missing.waitFor();
    await missing.getByTestId('missing-amount').waitFor();
    await missing.getByTestId('missing-expectedClose').waitFor();
    // Refused: the card stays where it was.
    expect(await tileIn('New').count()).toBe(1);
    expect(await tileIn('Proposal').count()).toBe(0);
    await shot(page, '04-regulation-missing');

    await missing.getByTestId('deal-amount').fill('12500.50');
    await missing.getByLabel('Expected close').fill('2027-03-31');
    await page.getByRole('dialog').getByRole('heading').click();
    await missing.getByTestId('form-save').click();
    await missing.waitFor({ state: 'detached' });
    await tileIn('Proposal').waitFor();
    await expect
      .poll(() => column('Proposal').getByTestId('stage-total').textContent())
      .toContain('12,500.50');

    await tileIn('Proposal').dragTo(column('Won'));
    await tileIn('Won').waitFor();
    await expect.poll(() => column('Won').getByTestId('stage-total').textContent()).toBe('€12,500.50');
    await shot(page, '05-deal-board-won');

    await tileIn('Won').getByRole('link', { name: dealTitle }).click();
    await page.getByTestId('deal-card').waitFor();
    await expect.poll(() => page.getByTestId('deal-status').textContent()).toBe('Won');
    expect(await page.getByTestId('deal-history').locator('tbody tr').count()).toBe(3);
    await shot(page, '06-deal-card');
  });

  it('finds the client with the global search and sees the stage moves on its timeline', async () => {
    await page.getByTestId('global-search').fill(company);
    const hit = page.locator('[data-testid="search-hit"][data-hit-type="client"]');
    await hit.first().waitFor();
    await shot(page, '07-global-search');
    await page.getByTestId('global-search').press('Enter');
    await page.getByTestId('client-card').waitFor();
    expect(await page.getByTestId('client-card-name').textContent()).toBe(company);
    clientUrl = new URL(page.url()).pathname;

    const timeline = page.getByTestId('client-timeline');
    await expect.poll(() => timeline.getByTestId('timeline-entry-stage').count()).toBe(3);
    for (const stage of ['New', 'Proposal', 'Won'])
      await timeline.getByText(`moved to stage ${stage}`).waitFor();
    await timeline.getByTestId('timeline-entry-lead').waitFor();
    await shot(page, '08-client-card');

    // The type chips narrow the one timeline to what the person is looking for.
    await timeline.getByTestId('timeline-filter-lead').click();
    await expect.poll(() => timeline.getByTestId('timeline-entry-stage').count()).toBe(0);
    await timeline.getByTestId('timeline-filter-lead').click();
  });

  it('a sales rep does not see that client, in the list or by its address', async () => {
    const repSession = await newPage(browser);
    try {
      const repPage = repSession.page;
      await logIn(repPage, rep.email, password);
      await repPage.getByTestId('nav-clients').click();
      await repPage.getByTestId('clients-table').waitFor();
      await repPage.getByTestId('filter-input').fill(company);
      await repPage.getByText('Nothing here yet').waitFor();
      expect(await repPage.getByTestId('clients-table').locator('tbody tr').count()).toBe(0);
      await shot(repPage, '09-rep-clients');
      await repPage.goto(clientUrl);
      await repPage.getByTestId('client-not-found').waitFor();
      await shot(repPage, '10-rep-client-not-found');
    } finally {
      await repSession.context.close();
    }
  });

  it('works the client card: a call, a task, a contact, a duplicate warning', async () => {
    await page.goto(clientUrl);
    await page.getByTestId('client-card').waitFor();
    await page.getByTestId('quick-call').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('interaction-subject').fill('Discussed delivery dates');
    await shot(page, '11-log-call');
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('client-timeline').getByText('Discussed delivery dates').waitFor();

    await page.getByTestId('quick-task').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('task-title').fill(`Send the contract ${stamp}`);
    await dialog.getByTestId('form-save').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('contacts-table').getByText('Anna Petrova').waitFor();
    await page.getByTestId('tab-counterparties').click();
    await page.getByTestId('counterparty-links-table').waitFor();
    await shot(page, '12-client-counterparties');

    await page.getByTestId('nav-tasks').click();
    await page.locator(`[data-testid="task-row"][data-task-title="Send the contract ${stamp}"]`).waitFor();
    await shot(page, '13-tasks');

    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-table').waitFor();
    await page.getByTestId('filter-input').fill(company);
    await page.getByTestId('clients-table').getByRole('link', { name: company }).waitFor();
    await shot(page, '14-clients');
    await page.getByTestId('create-client').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('client-name').fill(company);
    await shot(page, '15-client-form');
    await dialog.getByTestId('form-save').click();
    await dialog.getByTestId('duplicate-warning').waitFor();
    await shot(page, '16-client-duplicates');
    await page.keyboard.press('Escape');
  });

  it('shows segments, marketing, web forms and notifications', async () => {
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('segments-table').waitFor();
    await page.getByTestId('create-segment').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('segment-name').fill(`Won something ${stamp}`);
    await dialog.getByTestId('form-save').click();
    await page.getByTestId('segment-members-table').waitFor();
    await page.getByTestId('segment-recompute').click();
    await page.getByTestId('segment-members-table').getByText(company).first().waitFor();
    await shot(page, '17-segment');

    await page.getByTestId('nav-marketing').click();
    await page.getByTestId('events-table').waitFor();
    await page.getByTestId('create-event').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('event-name').fill(`Trade fair ${stamp}`);
    await dialog.getByLabel('Starts').fill('2026-10-01');
    await dialog.getByLabel('Ends').fill('2026-10-03');
    await dialog.getByRole('heading').click();
    await dialog.getByRole('heading').click();
    await dialog.getByTestId('form-save').click();
    await page.getByTestId('attendees-table').waitFor({ state: 'attached' });
    await shot(page, '18-marketing-event');
    await page.getByTestId('nav-marketing').click();
    await page.getByTestId('tab-attribution').click();
    await page.getByTestId('attribution-table').getByText(`Website ${stamp}`).waitFor();
    await shot(page, '21-attribution');

    await page.getByTestId('nav-web-forms').click();
    await page.getByTestId('web-forms-table').getByText(`Contact us ${stamp}`).click();
    const snippet = page.getByTestId('web-form-snippet');
    expect(await snippet.inputValue()).toContain(`/api/v1/public/forms/${publicKey}/leads`);
    await shot(page, '22-web-form-embed');
    await page.keyboard.press('Escape');

    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notifications-list').waitFor();
    await shot(page, '23-notifications');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-deals').click();
    await page.getByTestId('deals-view').getByText('List').click();
    await page.getByTestId('deals-table').waitFor();
    await shot(page, '24-deals-list');
    await page.getByTestId('deals-view').getByText('Board').click();
  });

  it('CRM pages vanish when the module is switched off, and come back', async () => {
    await admin.put('/modules/crm', { enabled: false });
    try {
      await page.goto('/');
      await page.getByTestId('nav-clients').waitFor();
      expect(await page.getByTestId('nav-deals').count()).toBe(0);
      expect(await page.getByTestId('nav-group-crm').count()).toBe(0);
      await page.goto('/crm/deals');
      await page.getByText('Module is switched off').waitFor();
      await page.goto(clientUrl);
      await page.getByTestId('client-card').waitFor();
      expect(await page.getByTestId('quick-deal').count()).toBe(0);
      await shot(page, '25-client-card-crm-off');
    } finally {
      await admin.put('/modules/crm', { enabled: true });
    }
  });
});
