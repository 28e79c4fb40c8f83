import { asc } from 'drizzle-orm';
import type { ActionContext } from '../../platform/actions/define-action.js';
import { companies } from '../../platform/tenancy/schema.js';
import { createAnalyticDimension } from './actions/create-analytic-dimension.js';
import { createFiscalYear } from './actions/create-fiscal-year.js';
import { createJournal } from './actions/create-journal.js';
import { createJournalEntry } from './actions/create-journal-entry.js';
import { loadChartTemplate } from './actions/load-chart-template.js';
import { postJournalEntry } from './actions/post-journal-entry.js';

const JOURNALS = [
  { code: 'SAL', name: 'Sales', kind: 'sales' },
  { code: 'PUR', name: 'Purchases', kind: 'purchases' },
  { code: 'BNK', name: 'Bank', kind: 'bank', account: '1010' },
  { code: 'CSH', name: 'Cash', kind: 'cash', account: '1000' },
  { code: 'GEN', name: 'General', kind: 'general' },
] as const;

/**
 * The books of the demo company for this year: the starter chart, five journals, the fiscal year,
 * opening balances and a few expenses, so the trial balance and the ledger have something to show.
 */
export async function seedAccountingDemo(ctx: ActionContext) {
  const [company] = await ctx.tx
    .select()
    .from(companies)
    .orderBy(asc(companies.createdAt), asc(companies.id))
    .limit(1);
  if (!company) return;
  const companyId = company.id;
  const { accounts } = await ctx.call(loadChartTemplate, { companyId });
  const account = (code: string) => accounts.find((a) => a.code === code)!.id;
  const journal: Record<string, string> = {};
  for (const j of JOURNALS) {
    const created = await ctx.call(createJournal, {
      companyId,
      code: j.code,
      name: j.name,
      kind: j.kind,
      defaultAccountId: 'account' in j ? account(j.account) : null,
    });
    journal[j.code] = created.id;
  }
  const today = new Date().toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  await ctx.call(createFiscalYear, { companyId, startsOn: `${year}-01-01` });

  const post = async (
    journalCode: string,
    postingDate: string,
    memo: string,
    lines: [string, string, string][],
  ) => {
    const entry = await ctx.call(createJournalEntry, {
      companyId,
      journalId: journal[journalCode],
      postingDate,
      memo,
      lines: lines.map(([code, debit, credit]) => ({ accountId: account(code), debit, credit })),
    });
    await ctx.call(postJournalEntry, { id: entry.id });
  };
  await post('GEN', `${year}-01-01`, 'Opening balances', [
    ['1010', '50000.00', '0'],
    ['1000', '2000.00', '0'],
    ['1200', '30000.00', '0'],
    ['1500', '25000.00', '0'],
    ['3000', '0', '100000.00'],
    ['3100', '0', '7000.00'],
  ]);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  await post('BNK', firstOfMonth, 'Office rent', [
    ['6000', '1500.00', '0'],
    ['1010', '0', '1500.00'],
  ]);
  await post('BNK', firstOfMonth, 'Bank charges', [
    ['6300', '12.00', '0'],
    ['1010', '0', '12.00'],
  ]);
  await post('CSH', today, 'Stationery and coffee', [
    ['6200', '120.50', '0'],
    ['1000', '0', '120.50'],
  ]);
  // Two cost centres and an expense split between them, so the profit and loss by cost centre
  // has columns to show.
  const centre = async (code: string, name: string) =>
    (await ctx.call(createAnalyticDimension, { companyId, kind: 'cost_centre', code, name })).id;
  const sales = await centre('SALES', 'Sales team');
  const admin = await centre('ADMIN', 'Administration');
  const travel = await ctx.call(createJournalEntry, {
    companyId,
    journalId: journal.BNK,
    postingDate: firstOfMonth,
    memo: 'Travel and client visits',
    lines: [
      { accountId: account('6200'), debit: '640.00', credit: '0', costCentreId: sales },
      { accountId: account('6200'), debit: '85.30', credit: '0', costCentreId: admin },
      { accountId: account('1010'), debit: '0', credit: '725.30' },
    ],
  });
  await ctx.call(postJournalEntry, { id: travel.id });
}
