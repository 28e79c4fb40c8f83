import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { can } from '../../../platform/actions/actor.js';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { DateOnly, Id } from '../../../platform/http/schemas.js';
import { actingUserId, entryView, loadEntry } from '../books.js';
import { periodOf, writePosting } from '../posting.js';
import { reverseLines } from '../rules/journal-balance.js';
import { fiscalYears, journalEntries, journalLines } from '../schema.js';

/**
 * Cancels a posted entry the way books are corrected: a posted reversal, every line's debit and
 * credit swapped at the amounts the original posted (no new rate), dated as the original unless
 * its period is closed, when the reversal takes the date given. The original is marked
 * cancelled and points at its reversal; both stay in the ledger.
 */
export const cancelJournalEntry = defineAction({
  name: 'accounting.cancelJournalEntry',
  input: Type.Object({ id: Id, postingDate: Type.Optional(DateOnly) }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id, postingDate }) {
    const { entry: original, lines } = await loadEntry(ctx.tx, id, true);
    const name = original.number ?? original.id;
    if (original.status !== 'posted')
      throw conflict(
        original.status === 'draft'
          ? `Journal entry ${name} is a draft; delete it instead of cancelling it.`
          : `Journal entry ${name} is already cancelled.`,
        [{ field: 'id', reason: `entry ${name} is ${original.status}` }],
      );
    if (!postingDate) {
      const period = await periodOf(ctx, original.companyId, original.postingDate);
      if (period.closedAt && !can(ctx.actor, 'accounting:post_closed_period'))
        throw conflict(
          `Journal entry ${name} is dated in the closed period ${period.startsOn} to ${period.endsOn}; ` +
            'give the reversal a postingDate in an open period.',
          [{ field: 'postingDate', reason: 'is required when the original period is closed' }],
        );
    }
    const [reversal] = await ctx.tx
      .insert(journalEntries)
      .values({
        tenantId: ctx.tenantId,
        companyId: original.companyId,
        journalId: original.journalId,
        postingDate: postingDate ?? original.postingDate,
        memo: `Reversal of ${name}`,
        currency: original.currency,
        rate: original.rate,
        reversesId: original.id,
        createdBy: await actingUserId(ctx.tx, ctx.actor),
      })
      .returning();
    const reversed = reverseLines(lines).map(({ id: _id, entryId: _e, ...line }) => ({
      ...line,
      entryId: reversal.id,
      debitInCompanyCurrency: line.creditInCompanyCurrency,
      creditInCompanyCurrency: line.debitInCompanyCurrency,
    }));
    await ctx.tx.insert(journalLines).values(reversed);
    const postedReversal = await writePosting(ctx, reversal, reversed);
    const [cancelled] = await ctx.tx
      .update(journalEntries)
      .set({ status: 'cancelled', reversedById: reversal.id, updatedAt: new Date() })
      .where(eq(journalEntries.id, id))
      .returning();
    // A cancelled year-end closing leaves the year to be closed again.
    await ctx.tx.update(fiscalYears).set({ closingEntryId: null }).where(eq(fiscalYears.closingEntryId, id));
    const view = entryView(cancelled, lines);
    ctx.audit({
      entity: 'journalEntry',
      entityId: id,
      before: { status: original.status },
      after: { status: cancelled.status, reversedById: reversal.id, reversalNumber: postedReversal.number },
    });
    ctx.emit('accounting.entryCancelled', {
      entryId: id,
      reversalId: reversal.id,
      companyId: original.companyId,
    });
    return view;
  },
});
