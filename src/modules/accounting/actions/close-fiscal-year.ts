import { Decimal } from 'decimal.js';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict, invalidField, notFound } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { actingUserId, companyBooks, entryView, loadEntry } from '../books.js';
import { firstOfMonth } from '../dates.js';
import { writePosting } from '../posting.js';
import {
  accounts,
  fiscalPeriods,
  fiscalYears,
  glMonthlyBalances,
  journalEntries,
  journalLines,
  journals,
} from '../schema.js';
import { settingsOf } from '../settings.js';

/**
 * Year-end closing: one posted entry in a general journal, dated the year's last day, that
 * brings every income and expense account to zero against retained earnings; then every period
 * of the year is closed. The closing belongs in the year it closes, so it may post into its last
 * period even when that is closed already.
 */
export const closeFiscalYear = defineAction({
  name: 'accounting.closeFiscalYear',
  input: Type.Object({ id: Id, journalId: Type.Optional(Id) }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, journalId }) {
    const [year] = await ctx.tx.select().from(fiscalYears).where(eq(fiscalYears.id, id)).for('update');
    if (!year) throw notFound('Fiscal year', id);
    if (year.closingEntryId)
      throw conflict(`The fiscal year ${year.name} is already closed.`, [
        { field: 'id', reason: 'is closed' },
      ]);
    const company = await companyBooks(ctx.tx, year.companyId);
    const settings = await settingsOf(ctx.tx, year.companyId);
    if (!settings.retainedEarningsAccountId)
      throw invalidField(
        'retainedEarningsAccountId',
        'set the retained earnings account in the accounting settings first',
      );
    const [journal] = await ctx.tx
      .select()
      .from(journals)
      .where(
        and(
          eq(journals.companyId, year.companyId),
          journalId ? eq(journals.id, journalId) : eq(journals.kind, 'general'),
          isNull(journals.archivedAt),
        ),
      )
      .orderBy(asc(journals.code))
      .limit(1);
    if (journal?.kind !== 'general')
      throw invalidField(
        'journalId',
        'the closing goes into a general journal of the company that is not archived',
      );

    // Whole months up to the year's end: the monthly balances answer without reading the GL.
    const balances = await ctx.tx
      .select({
        accountId: glMonthlyBalances.accountId,
        net: sql<string>`sum(${glMonthlyBalances.debit} - ${glMonthlyBalances.credit})`,
      })
      .from(glMonthlyBalances)
      .innerJoin(accounts, eq(accounts.id, glMonthlyBalances.accountId))
      .where(
        and(
          eq(glMonthlyBalances.companyId, year.companyId),
          lte(glMonthlyBalances.month, firstOfMonth(year.endsOn)),
          inArray(accounts.type, ['income', 'expense']),
        ),
      )
      .groupBy(glMonthlyBalances.accountId, accounts.code)
      .having(sql`sum(${glMonthlyBalances.debit} - ${glMonthlyBalances.credit}) <> 0`)
      .orderBy(asc(accounts.code));

    let closingEntryId: string | null = null;
    if (balances.length) {
      const amount = (v: Decimal) => v.abs().toFixed(company.precision);
      const lines = balances.map((b, i) => {
        const net = new Decimal(b.net);
        return side(
          i + 1,
          b.accountId,
          net.isNegative() ? amount(net) : '0',
          net.isNegative() ? '0' : amount(net),
        );
      });
      const profitOrLoss = balances.reduce((sum, b) => sum.plus(b.net), new Decimal(0));
      if (!profitOrLoss.isZero())
        lines.push(
          side(
            lines.length + 1,
            settings.retainedEarningsAccountId,
            profitOrLoss.isNegative() ? '0' : amount(profitOrLoss),
            profitOrLoss.isNegative() ? amount(profitOrLoss) : '0',
          ),
        );
      const [entry] = await ctx.tx
        .insert(journalEntries)
        .values({
          tenantId: ctx.tenantId,
          companyId: year.companyId,
          journalId: journal.id,
          postingDate: year.endsOn,
          memo: `Year-end closing ${year.name}`,
          currency: company.currency,
          rate: '1',
          sourceType: 'fiscal_year',
          sourceId: year.id,
          createdBy: await actingUserId(ctx.tx, ctx.actor),
        })
        .returning();
      await ctx.tx
        .insert(journalLines)
        .values(lines.map((l) => ({ ...l, tenantId: ctx.tenantId, entryId: entry.id })));
      await writePosting(ctx, entry, lines, { closingTheYear: true });
      closingEntryId = entry.id;
    }
    await ctx.tx
      .update(fiscalPeriods)
      .set({ closedAt: new Date(), closedBy: ctx.actor.userId })
      .where(and(eq(fiscalPeriods.fiscalYearId, year.id), isNull(fiscalPeriods.closedAt)));
    const [closed] = await ctx.tx
      .update(fiscalYears)
      .set({ closingEntryId })
      .where(eq(fiscalYears.id, id))
      .returning();
    ctx.audit({ entity: 'fiscalYear', entityId: id, before: year, after: closed });
    return {
      fiscalYear: closed,
      closingEntry: closingEntryId
        ? await loadEntry(ctx.tx, closingEntryId).then((e) => entryView(e.entry, e.lines))
        : null,
    };
  },
});

function side(lineNo: number, accountId: string, debit: string, credit: string) {
  return {
    lineNo,
    accountId,
    description: 'Year-end closing',
    debit,
    credit,
    debitInCompanyCurrency: debit,
    creditInCompanyCurrency: credit,
    counterpartyId: null,
    costCentreId: null,
    projectId: null,
    departmentId: null,
  };
}
