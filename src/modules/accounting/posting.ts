import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { can } from '../../platform/actions/actor.js';
import type { ActionContext } from '../../platform/actions/define-action.js';
import { conflict, invalidField } from '../../platform/http/problem.js';
import type { EntryRow } from './books.js';
import { takeNumber } from './numbering.js';
import { fiscalPeriods, glEntries, journalEntries, journalLines, journals } from './schema.js';

export interface PostedLine {
  lineNo: number;
  accountId: string;
  debit: string;
  credit: string;
  debitInCompanyCurrency: string;
  creditInCompanyCurrency: string;
  counterpartyId: string | null;
  costCentreId: string | null;
  projectId: string | null;
  departmentId: string | null;
}

/**
 * The open or closed period a posting date falls in. A date in no fiscal year cannot be posted:
 * the year has to be set up (and so its periods) first.
 */
export async function periodOf(
  ctx: ActionContext,
  companyId: string,
  postingDate: string,
  field = 'postingDate',
) {
  const [period] = await ctx.tx
    .select()
    .from(fiscalPeriods)
    .where(
      and(
        eq(fiscalPeriods.companyId, companyId),
        lte(fiscalPeriods.startsOn, postingDate),
        gte(fiscalPeriods.endsOn, postingDate),
      ),
    );
  if (!period)
    throw invalidField(
      field,
      `no fiscal year of the company covers ${postingDate}; set up the fiscal year first`,
    );
  return period;
}

/**
 * Whether a posting may go into the period of its date. A closed period takes postings only from
 * someone with accounting:post_closed_period (or the year-end closing itself); the database is
 * told for this transaction alone, and the entry keeps the mark.
 */
export async function admitIntoPeriod(
  ctx: ActionContext,
  companyId: string,
  postingDate: string,
  options: { field?: string; closingTheYear?: boolean } = {},
) {
  const field = options.field ?? 'postingDate';
  const period = await periodOf(ctx, companyId, postingDate, field);
  if (!period.closedAt) return false;
  if (!options.closingTheYear && !can(ctx.actor, 'accounting:post_closed_period'))
    throw conflict(
      `The period ${period.startsOn} to ${period.endsOn} is closed: ${postingDate} takes no postings. ` +
        'Post on a date in an open period, or ask someone allowed to post into closed periods.',
      [{ field, reason: `falls in the closed period ${period.startsOn} to ${period.endsOn}` }],
    );
  await ctx.tx.execute(sql`select set_config('app.post_into_closed', 'on', true)`);
  return true;
}

/**
 * The next number of the journal for the posting's year, taken under FOR UPDATE: a posting that
 * fails afterwards rolls its number back with everything else, so numbers have no gaps.
 */
async function nextNumber(ctx: ActionContext, entry: EntryRow) {
  const [journal] = await ctx.tx.select().from(journals).where(eq(journals.id, entry.journalId));
  const year = Number(entry.postingDate.slice(0, 4));
  return takeNumber(ctx, {
    companyId: entry.companyId,
    key: `journal:${journal.id}`,
    year,
    prefix: `${journal.code}-${year}-`,
  });
}

/**
 * Writes a checked, balanced draft to the books: its lines' company-currency amounts, the GL rows
 * in one statement (the database checks the posting as a whole after it), the number and status.
 */
export async function writePosting(
  ctx: ActionContext,
  entry: EntryRow,
  lines: PostedLine[],
  options: { closingTheYear?: boolean } = {},
) {
  const intoClosed = await admitIntoPeriod(ctx, entry.companyId, entry.postingDate, options);
  // One statement for all the lines: a round trip per line was most of a posting's time.
  const amounts = sql.join(
    lines.map(
      (line) =>
        sql`(${line.lineNo}::int, ${line.debitInCompanyCurrency}::numeric, ${line.creditInCompanyCurrency}::numeric)`,
    ),
    sql`, `,
  );
  await ctx.tx.execute(sql`
    update ${journalLines} set debit_in_company_currency = v.debit, credit_in_company_currency = v.credit
    from (values ${amounts}) as v(line_no, debit, credit)
    where ${journalLines.entryId} = ${entry.id} and ${journalLines.lineNo} = v.line_no`);
  await ctx.tx.insert(glEntries).values(
    lines.map((line) => ({
      tenantId: ctx.tenantId,
      companyId: entry.companyId,
      entryId: entry.id,
      lineNo: line.lineNo,
      accountId: line.accountId,
      postingDate: entry.postingDate,
      debit: line.debitInCompanyCurrency,
      credit: line.creditInCompanyCurrency,
      currency: entry.currency,
      debitInCurrency: line.debit,
      creditInCurrency: line.credit,
      counterpartyId: line.counterpartyId,
      costCentreId: line.costCentreId,
      projectId: line.projectId,
      departmentId: line.departmentId,
    })),
  );
  // The series row stays locked until the commit; taken last, it queues concurrent postings of
  // the journal for the fewest statements (the GL rows above lock their balances just as long).
  const number = await nextNumber(ctx, entry);
  const [posted] = await ctx.tx
    .update(journalEntries)
    .set({
      status: 'posted',
      number,
      postedAt: new Date(),
      postedBy: ctx.actor.userId,
      postedIntoClosedPeriod: intoClosed,
      updatedAt: new Date(),
    })
    .where(eq(journalEntries.id, entry.id))
    .returning();
  return posted;
}
