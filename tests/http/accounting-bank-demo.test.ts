import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ skipTenant: true });
});
afterAll(() => t.close());

describe('the demo bank statement', () => {
  it('has one line confirmed against an instalment, two open with suggestions and the fee ignored', async () => {
    await seedDemo(t.platform, { password: 'demo admin password 1' });
    const admin = await t.login('admin@demo.tandem', 'demo admin password 1');
    const company = (await admin.get('/api/v1/companies'))
      .json()
      .items.find((c: any) => c.name === 'Demo Trading Ltd');
    const list = (await admin.get(`/api/v1/bank-statements?companyId=${company.id}`)).json().items;
    expect(list.map((s: any) => [s.format, s.openingBalance, s.closingBalance, s.progress])).toEqual([
      ['camt053', '5000.0000', '7163.1000', { open: 2, confirmed: 1, ignored: 1 }],
    ]);
    const statement = (await admin.get(`/api/v1/bank-statements/${list[0].id}`)).json();
    const year = new Date().toISOString().slice(0, 4);
    expect(statement.lines.map((l: any) => [l.amount, l.status, l.note])).toEqual([
      ['1728.0000', 'confirmed', null],
      ['1460.0000', 'open', null],
      ['-1020.0000', 'open', null],
      ['-4.9000', 'ignored', 'Bank fees: booked monthly by journal entry'],
    ]);
    expect(statement.lines[0].paymentNumber).toMatch(/^RCPT-\d{4}-\d{5}$/);
    const suggestions = (
      await admin.get(`/api/v1/bank-statements/${statement.id}/suggestions?limit=1`)
    ).json();
    expect(
      suggestions.map((s: any) => s.suggestions.map((x: any) => [x.documentNumber, x.score, x.reasons])),
    ).toEqual([
      [[`INV-${year}-00001`, 95, ['document_number', 'exact_amount', 'name']]],
      [[`BILL-${year}-00001`, 35, ['exact_amount', 'name']]],
    ]);
  });
});
