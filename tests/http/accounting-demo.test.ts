import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ skipTenant: true });
});
afterAll(() => t.close());

describe('the demo books', () => {
  it('has a chart, five journals, this year and posted entries whose trial balance balances', async () => {
    await seedDemo(t.platform, { password: 'demo admin password 1' });
    const admin = await t.login('admin@demo.tandem', 'demo admin password 1');
    const company = (await admin.get('/api/v1/companies'))
      .json()
      .items.find((c: any) => c.name === 'Demo Trading Ltd');
    const journals = (await admin.get(`/api/v1/journals?companyId=${company.id}`)).json().items;
    expect(journals.map((j: any) => j.code)).toEqual(['BNK', 'CSH', 'GEN', 'PUR', 'SAL']);
    const year = new Date().toISOString().slice(0, 4);
    const years = (await admin.get(`/api/v1/fiscal-years?companyId=${company.id}`)).json().items;
    expect(years[0]).toMatchObject({ startsOn: `${year}-01-01`, endsOn: `${year}-12-31` });
    const entries = (await admin.get(`/api/v1/journal-entries?companyId=${company.id}&status=posted`)).json()
      .items;
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const tb = (
      await admin.get(
        `/api/v1/accounting/trial-balance?companyId=${company.id}&from=${year}-01-01&to=${year}-12-31`,
      )
    ).json();
    expect(tb.totals.periodDebit).toBe(tb.totals.periodCredit);
    expect(tb.items.find((i: any) => i.code === '6000').closingDebit).toBe('1500.00');
  });
});
