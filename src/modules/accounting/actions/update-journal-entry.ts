import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { assertDraft, entryView, loadEntry } from '../books.js';
import { entryFacts } from '../entry-facts.js';
import { asLineInput, checkedLines } from '../entry-lines.js';
import { journalEntries, journalLines } from '../schema.js';
import { EntryFields } from '../schemas.js';

const { companyId: _company, ...Changeable } = EntryFields;

/**
 * Changes a draft; given lines replace all of its lines. A new date or currency without a rate
 * takes the rate in force again. A posted entry is a fact: 409, cancel it instead.
 */
export const updateJournalEntry = defineAction({
  name: 'accounting.updateJournalEntry',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(Changeable)).properties },
    { additionalProperties: false },
  ),
  permission: 'accounting:write',
  async run(ctx, { id, ...changes }) {
    const { entry: before, lines: beforeLines } = await loadEntry(ctx.tx, id, true);
    assertDraft(before, 'changed');
    const rateStays =
      changes.rate === undefined &&
      (changes.currency ?? before.currency) === before.currency &&
      (changes.postingDate ?? before.postingDate) === before.postingDate;
    const facts = await entryFacts(ctx.tx, {
      companyId: before.companyId,
      journalId: changes.journalId ?? before.journalId,
      postingDate: changes.postingDate ?? before.postingDate,
      currency: changes.currency ?? before.currency,
      rate: rateStays ? before.rate : changes.rate,
    });
    const lines = await checkedLines(ctx.tx, facts, changes.lines ?? beforeLines.map(asLineInput));
    const [entry] = await ctx.tx
      .update(journalEntries)
      .set({
        journalId: changes.journalId ?? before.journalId,
        postingDate: changes.postingDate ?? before.postingDate,
        memo: changes.memo === undefined ? before.memo : changes.memo,
        currency: facts.currency,
        rate: facts.rate,
        updatedAt: new Date(),
      })
      .where(eq(journalEntries.id, id))
      .returning();
    await ctx.tx.delete(journalLines).where(eq(journalLines.entryId, id));
    if (lines.length)
      await ctx.tx
        .insert(journalLines)
        .values(lines.map((l) => ({ ...l, tenantId: ctx.tenantId, entryId: id })));
    const stored = await ctx.tx
      .select()
      .from(journalLines)
      .where(eq(journalLines.entryId, id))
      .orderBy(asc(journalLines.lineNo));
    const after = entryView(entry, stored);
    ctx.audit({ entity: 'journalEntry', entityId: id, before: entryView(before, beforeLines), after });
    return after;
  },
});
