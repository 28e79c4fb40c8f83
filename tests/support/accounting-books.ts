import { expect } from 'vitest';
import type { Client, TestApp } from './test-app.js';

export interface Books {
  companyId: string;
  /** Account ids by code in the starter chart. */
  account: Record<string, string>;
  journal: Record<string, string>;
  fiscalYearId: string;
  /** Period ids by their first day. */
  period: Record<string, string>;
}

/** The Acme company's books for 2026: the starter chart, a general and a bank journal, the year. */
export async function setUpBooks(t: TestApp, admin: Client): Promise<Books> {
  const companyId = t.acme.companyId;
  const chart = await admin.post(`/api/v1/companies/${companyId}/chart-of-accounts/template`);
  expect(chart.statusCode, chart.body).toBe(201);
  const account = Object.fromEntries(chart.json().accounts.map((a: any) => [a.code, a.id]));
  const journal: Record<string, string> = {};
  for (const [code, kind] of [
    ['GEN', 'general'],
    ['BNK', 'bank'],
  ]) {
    const res = await admin.post('/api/v1/journals', { companyId, code, name: code, kind });
    expect(res.statusCode, res.body).toBe(201);
    journal[code] = res.json().id;
  }
  const year = await admin.post('/api/v1/fiscal-years', { companyId, startsOn: '2026-01-01' });
  expect(year.statusCode, year.body).toBe(201);
  const period = Object.fromEntries(year.json().periods.map((p: any) => [p.startsOn, p.id]));
  return { companyId, account, journal, fiscalYearId: year.json().id, period };
}

export type LineSpec = [accountId: string, debit: string, credit: string, extra?: Record<string, unknown>];

export function entryBody(
  books: Books,
  postingDate: string,
  lines: LineSpec[],
  extra: Record<string, unknown> = {},
) {
  return {
    companyId: books.companyId,
    journalId: books.journal.GEN,
    postingDate,
    lines: lines.map(([accountId, debit, credit, more]) => ({ accountId, debit, credit, ...more })),
    ...extra,
  };
}

/** Drafts and posts an entry; fails the test unless both succeed. */
export async function postEntry(
  admin: Client,
  books: Books,
  postingDate: string,
  lines: LineSpec[],
  extra: Record<string, unknown> = {},
) {
  const draft = await admin.post('/api/v1/journal-entries', entryBody(books, postingDate, lines, extra));
  expect(draft.statusCode, draft.body).toBe(201);
  const posted = await admin.post(`/api/v1/journal-entries/${draft.json().id}/post`);
  expect(posted.statusCode, posted.body).toBe(200);
  return posted.json();
}

/** Asserts a 4xx problem that names the field. */
export function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): any; body: string },
  status: number,
  field: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(
    res.json().errors?.map((e: any) => e.field),
    res.body,
  ).toContain(field);
}
