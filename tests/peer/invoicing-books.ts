import { expect } from 'vitest';
import type { Client } from '../support/test-app.js';

export interface InvoicingBooks {
  companyId: string;
  /** Account ids by code in the starter chart. */
  account: Record<string, string>;
  journal: Record<'GEN' | 'BNK' | 'SAL' | 'PUR', string>;
}

/** A company's books for 2026 with the four journals invoices and payments post to. */
export async function setUpInvoicingBooks(admin: Client, companyId: string): Promise<InvoicingBooks> {
  const chart = await admin.post(`/api/v1/companies/${companyId}/chart-of-accounts/template`);
  expect(chart.statusCode, chart.body).toBe(201);
  const account: Record<string, string> = Object.fromEntries(
    chart.json().accounts.map((a: any) => [a.code, a.id]),
  );
  const journal = {} as InvoicingBooks['journal'];
  for (const [code, kind, defaultAccountId] of [
    ['GEN', 'general', null],
    ['BNK', 'bank', account['1010']],
    ['SAL', 'sales', null],
    ['PUR', 'purchases', null],
  ] as const) {
    const res = await admin.post('/api/v1/journals', { companyId, code, name: code, kind, defaultAccountId });
    expect(res.statusCode, res.body).toBe(201);
    journal[code] = res.json().id;
  }
  const year = await admin.post('/api/v1/fiscal-years', { companyId, startsOn: '2026-01-01' });
  expect(year.statusCode, year.body).toBe(201);
  return { companyId, account, journal };
}

export async function createCounterparty(admin: Client, legalName: string) {
  const res = await admin.post('/api/v1/counterparties', { legalName, country: 'DE' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export async function createCompany(admin: Client, name: string, baseCurrency: string) {
  const res = await admin.post('/api/v1/companies', { name, baseCurrency });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export async function recordRate(
  admin: Client,
  baseCurrency: string,
  quoteCurrency: string,
  validOn: string,
  rate: string,
) {
  const res = await admin.post('/api/v1/exchange-rates', { baseCurrency, quoteCurrency, validOn, rate });
  expect(res.statusCode, res.body).toBeLessThan(300);
}

export interface LineSpec {
  quantity: string;
  unitPrice: string;
  taxIds?: string[];
  discountPercent?: string;
}

export function invoiceBody(
  books: InvoicingBooks,
  counterpartyId: string,
  lines: LineSpec[],
  extra: Record<string, unknown> = {},
) {
  return {
    companyId: books.companyId,
    kind: 'customer_invoice',
    counterpartyId,
    invoiceDate: '2026-01-15',
    lines: lines.map((l, i) => ({ description: `Line ${i + 1}`, accountId: books.account['4000'], ...l })),
    ...extra,
  };
}

/** Drafts and posts an invoice; fails the test unless both succeed. */
export async function postInvoice(admin: Client, body: Record<string, unknown>) {
  const draft = await admin.post('/api/v1/invoices', body);
  expect(draft.statusCode, draft.body).toBe(201);
  const posted = await admin.post(`/api/v1/invoices/${draft.json().id}/post`);
  expect(posted.statusCode, posted.body).toBe(200);
  return posted.json();
}

/** Drafts and posts a payment; fails the test unless both succeed. */
export async function postPayment(
  admin: Client,
  books: InvoicingBooks,
  body: Record<string, unknown>,
  post: Record<string, unknown> = {},
) {
  const draft = await admin.post('/api/v1/payments', {
    companyId: books.companyId,
    direction: 'in',
    journalId: books.journal.BNK,
    paymentDate: '2026-02-01',
    ...body,
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const posted = await admin.post(`/api/v1/payments/${draft.json().id}/post`, post);
  expect(posted.statusCode, posted.body).toBe(200);
  return posted.json();
}
