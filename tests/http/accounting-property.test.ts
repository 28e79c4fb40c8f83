import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Books, entryBody, setUpBooks } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let books: Books;
let leaves: string[];

const q = <T = any>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpBooks(t, admin);
  await admin.post('/api/v1/exchange-rates', {
    baseCurrency: 'USD',
    quoteCurrency: 'EUR',
    validOn: '2026-01-01',
    rate: '0.9137',
  });
  await admin.post('/api/v1/exchange-rates', {
    baseCurrency: 'EUR',
    quoteCurrency: 'USD',
    validOn: '2026-06-01',
    rate: '1.0833',
  });
  leaves = [
    '1000',
    '1010',
    '1100',
    '1200',
    '2000',
    '2100',
    '3000',
    '4000',
    '5000',
    '6000',
    '6200',
    '4900',
    '6900',
  ].map((code) => books.account[code]);
});
afterAll(() => t.close());

const cents = fc.integer({ min: 1, max: 5_000_00 }).map((n) => (n / 100).toFixed(2));
const entryCommand = fc.record({
  kind: fc.constant('entry' as const),
  currency: fc.constantFrom('EUR', 'USD'),
  rate: fc.option(fc.constantFrom('0.9', '1.1', '0.91373', '1.23456789'), { nil: undefined }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  debits: fc.array(fc.tuple(fc.nat(), cents), { minLength: 1, maxLength: 3 }),
  credits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 3 }),
  post: fc.boolean(),
});
const cancelCommand = fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() });
const commands = fc.array(
  fc.oneof({ arbitrary: entryCommand, weight: 3 }, { arbitrary: cancelCommand, weight: 1 }),
  {
    minLength: 1,
    maxLength: 8,
  },
);

/** Splits the debit total over the credit lines by their weights, to the cent, so each entry balances. */
function creditLines(totalCents: number, weights: number[]) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((totalCents * w) / sum));
  parts[0] += totalCents - parts.reduce((a, b) => a + b, 0);
  return parts;
}

describe('the books under any sequence of entries, postings and cancellations', () => {
  it('keep the trial balance at zero and never change a GL row', async () => {
    const posted: string[] = [];
    await fc.assert(
      fc.asyncProperty(commands, async (sequence) => {
        const glBefore = await q(`select * from gl_entries order by id`);
        for (const command of sequence) {
          if (command.kind === 'cancel') {
            if (posted.length === 0) continue;
            const [id] = posted.splice(command.pick % posted.length, 1);
            const res = await admin.post(`/api/v1/journal-entries/${id}/cancel`, {});
            expect(res.statusCode, res.body).toBe(200);
            continue;
          }
          const debitLines = command.debits.map(
            ([i, amount]) => [leaves[i % leaves.length], amount, '0'] as [string, string, string],
          );
          const total = command.debits.reduce((s, [, amount]) => s + Math.round(Number(amount) * 100), 0);
          const credits = creditLines(
            total,
            command.credits.map(([, w]) => w),
          )
            .map(
              (c, j) =>
                [leaves[command.credits[j][0] % leaves.length], '0', (c / 100).toFixed(2)] as [
                  string,
                  string,
                  string,
                ],
            )
            .filter(([, , amount]) => amount !== '0.00');
          const date = `2026-${String(command.month).padStart(2, '0')}-${String(command.day).padStart(2, '0')}`;
          const extra: Record<string, unknown> = { currency: command.currency };
          if (command.currency === 'USD' && command.rate) extra.rate = command.rate;
          const draft = await admin.post(
            '/api/v1/journal-entries',
            entryBody(books, date, [...debitLines, ...credits], extra),
          );
          expect(draft.statusCode, draft.body).toBe(201);
          if (!command.post) continue;
          const res = await admin.post(`/api/v1/journal-entries/${draft.json().id}/post`);
          expect(res.statusCode, res.body).toBe(200);
          posted.push(res.json().id);
        }

        const glAfter = await q(`select * from gl_entries order by id`);
        const after = new Map(glAfter.map((r: any) => [r.id, r]));
        for (const row of glBefore) expect(after.get(row.id)).toEqual(row);

        const report = (
          await admin.get(
            `/api/v1/accounting/trial-balance?companyId=${books.companyId}&from=2026-03-15&to=2026-10-10`,
          )
        ).json();
        expect(report.totals.openingDebit).toBe(report.totals.openingCredit);
        expect(report.totals.periodDebit).toBe(report.totals.periodCredit);
        expect(report.totals.closingDebit).toBe(report.totals.closingCredit);
        const [unbalanced] = await q(
          `select entry_id from gl_entries group by entry_id having sum(debit) <> sum(credit) limit 1`,
        );
        expect(unbalanced).toBeUndefined();
        const [monthly] = await q(
          `select (select coalesce(sum(debit), 0) from gl_monthly_balances)::text as m, (select coalesce(sum(debit), 0) from gl_entries)::text as g`,
        );
        expect(monthly.m).toBe(monthly.g);
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
