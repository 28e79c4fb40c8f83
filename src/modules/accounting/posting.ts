import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { can } from '../../platform/actions/actor.js';
import type { ActionContext } from '../../platform/actions/define-action.js';
import { sqlRows } from '../../platform/db/database.js';
import { conflict, invalidField } from '../../platform/http/problem.js';
import type { EntryRow } from './books.js';
import { takingNumber } from './numbering.js';
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

/** A document numbered with the entry that books it: an invoice or a payment. */
export interface NumberedDocument {
  /** Its table: it has number, status, journal_entry_id, posted_at, posted_by and updated_at. */
  table: PgTable;
  id: string;
  /** Its series, e.g. `invoice:customer_invoice` for 2026 printed `INV-2026-`. */
  key: string;
  year: number;
  prefix: string;
}

export interface PostingOptions {
  closingTheYear?: boolean;
  /** The lines were inserted with their company-currency amounts already. */
  linesStored?: boolean;
  document?: NumberedDocument;
}

/**
 * Numbers the entry (and its document) and marks them posted, in one statement. Taken last,
 * the series rows stay locked the shortest time: concurrent postings of a journal queue only
 * for this statement and the commit (the GL rows just before lock their balances as long).
 */
async function numberThePosting(
  ctx: ActionContext,
  entry: EntryRow,
  facts: { postedAt: Date; postedBy: string | null; intoClosed: boolean; document?: NumberedDocument },
) {
  const year = Number(entry.postingDate.slice(0, 4));
  const { document, postedAt, postedBy } = facts;
  const documentSteps = document
    ? sql`, document_number as (${takingNumber(
        sql`values (${ctx.tenantId}, ${entry.companyId}, ${document.key}, ${document.year}, ${document.prefix}, 2)`,
      )}),
      document as (
        update ${document.table} set number = (select number from document_number), status = 'posted',
          journal_entry_id = ${entry.id}, posted_at = ${postedAt}, posted_by = ${postedBy}, updated_at = ${postedAt}
        where id = ${document.id} returning id)`
    : sql``;
  // The entry's memo names the document ("Invoice"); its number joins it here.
  const memo = document ? sql`memo || ' ' || (select number from document_number)` : sql`memo`;
  const [numbers] = await sqlRows<{ entryNumber: string; documentNumber: string | null }>(
    ctx.tx,
    sql`with journal_number as (${takingNumber(
      sql`select ${ctx.tenantId}::uuid, ${entry.companyId}::uuid, 'journal:' || j.id, ${year}::int,
            j.code || '-' || ${year}::int || '-', 2 from ${journals} j where j.id = ${entry.journalId}`,
    )})${documentSteps},
    entry as (
      update ${journalEntries} set number = (select number from journal_number), memo = ${memo}, status = 'posted',
        posted_at = ${postedAt}, posted_by = ${postedBy}, posted_into_closed_period = ${facts.intoClosed},
        updated_at = ${postedAt}
      where id = ${entry.id} returning memo)
    select (select number from journal_number) as "entryNumber",
      ${document ? sql`(select number from document_number)` : sql`null`} as "documentNumber",
      (select memo from entry) as memo`,
  );
  return numbers as typeof numbers & { memo: string | null };
}

/**
 * Writes a checked, balanced draft to the books: its lines' company-currency amounts, the GL rows
 * in one statement (the database checks the posting as a whole after it), the number and status,
 * and those of the document it books when there is one.
 */
export async function writePosting(
  ctx: ActionContext,
  entry: EntryRow,
  lines: PostedLine[],
  options: PostingOptions = {},
) {
  const intoClosed = await admitIntoPeriod(ctx, entry.companyId, entry.postingDate, options);
  if (!options.linesStored) {
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
  }
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
  const postedAt = new Date();
  const postedBy = ctx.actor.userId;
  const numbers = await numberThePosting(ctx, entry, {
    postedAt,
    postedBy,
    intoClosed,
    document: options.document,
  });
  const posted: EntryRow = {
    ...entry,
    status: 'posted',
    number: numbers.entryNumber,
    memo: numbers.memo,
    postedAt,
    postedBy,
    postedIntoClosedPeriod: intoClosed,
    updatedAt: postedAt,
  };
  return { ...posted, documentNumber: numbers.documentNumber };
}
