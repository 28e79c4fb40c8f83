import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const today = () => new Date().toISOString().slice(0, 10);
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

    // Invoicing: VAT, two terms, customer invoices (two in USD), a bill, a part payment, a refund.
    // From February: a dollar invoice revalued at the end of last month.
    const taxes = (await admin.get(`/api/v1/taxes?companyId=${company.id}`)).json().items;
    expect(taxes.map((x: any) => [x.name, x.ratePercent])).toEqual([['VAT 20%', '20.0000']]);
    const terms = (await admin.get(`/api/v1/payment-terms?companyId=${company.id}`)).json().items;
    expect(terms.map((x: any) => x.name).sort()).toEqual(['30/70 in 30 and 60 days', 'Net 30']);
    const invoices = (await admin.get(`/api/v1/invoices?companyId=${company.id}&status=posted`)).json().items;
    const revalued = today() >= `${year}-02-01`;
    expect(invoices.filter((i: any) => i.kind === 'customer_invoice')).toHaveLength(revalued ? 4 : 3);
    expect(invoices.filter((i: any) => i.kind === 'supplier_invoice')).toHaveLength(1);
    expect(invoices.some((i: any) => i.currency === 'USD')).toBe(true);
    const open = (await admin.get(`/api/v1/open-items?companyId=${company.id}&open=true`)).json().items;
    expect(open.length).toBeGreaterThanOrEqual(4);
    const payments = (await admin.get(`/api/v1/payments?companyId=${company.id}&status=posted`)).json().items;
    expect(payments.filter((p: any) => p.isRefund)).toHaveLength(revalued ? 1 : 0);
    const partPayment = payments.find((p: any) => p.reference === 'Part payment');
    const paid = (await admin.get(`/api/v1/payments/${partPayment.id}`)).json();
    const revaluations = (await admin.get(`/api/v1/accounting/revaluations?companyId=${company.id}`)).json();
    expect(revaluations.items.map((r: any) => r.status)).toEqual(revalued ? ['posted'] : []);
    expect(paid.allocations.length).toBeGreaterThan(0);
    expect(paid.openItem.outstanding).toBe('0.0000');
    const aging = (
      await admin.get(`/api/v1/accounting/aging?companyId=${company.id}&side=receivable`)
    ).json();
    expect(aging.rows.length).toBe(3);
    expect(new Decimal(aging.total).greaterThan(0)).toBe(true);
    const payables = (
      await admin.get(`/api/v1/accounting/aging?companyId=${company.id}&side=payable`)
    ).json();
    expect(payables.rows).toHaveLength(1);
    const after = (
      await admin.get(
        `/api/v1/accounting/trial-balance?companyId=${company.id}&from=${year}-01-01&to=${year}-12-31`,
      )
    ).json();
    expect(after.totals.periodDebit).toBe(after.totals.periodCredit);
    expect(after.totals.closingDebit).toBe(after.totals.closingCredit);

    // The part-paid customer's statement ends where its receivable does, and both print.
    const payer = paid.counterpartyId;
    const statement = (
      await admin.get(
        `/api/v1/accounting/statements?companyId=${company.id}&counterpartyId=${payer}&from=${year}-01-01&to=${today()}`,
      )
    ).json();
    expect(statement.movements.map((m: any) => m.kind)).toEqual(['customer_invoice', 'payment_in']);
    expect(statement.closingBalance).toBe(aging.rows.find((r: any) => r.counterpartyId === payer).total);
    const pdf = await admin.get(
      `/api/v1/accounting/statements?companyId=${company.id}&counterpartyId=${payer}&from=${year}-01-01&to=${today()}&format=pdf`,
    );
    expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const invoicePdf = await admin.get(`/api/v1/invoices/${invoices[0].id}/pdf`);
    expect(invoicePdf.headers['content-type']).toBe('application/pdf');
  });
});
