import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { actingUserId, entryView } from '../books.js';
import { entryFacts } from '../entry-facts.js';
import { checkedLines } from '../entry-lines.js';
import { journalEntries, journalLines } from '../schema.js';
import { EntryFields } from '../schemas.js';

/** A draft: checked line by line, but it may not balance yet; posting checks that. */
export const createJournalEntry = defineAction({
  name: 'accounting.createJournalEntry',
  input: Type.Object(EntryFields, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, input) {
    const facts = await entryFacts(ctx.tx, input);
    const lines = await checkedLines(ctx.tx, facts, input.lines);
    const [entry] = await ctx.tx
      .insert(journalEntries)
      .values({
        tenantId: ctx.tenantId,
        companyId: input.companyId,
        journalId: input.journalId,
        postingDate: input.postingDate,
        memo: input.memo ?? null,
        currency: facts.currency,
        rate: facts.rate,
        createdBy: await actingUserId(ctx.tx, ctx.actor),
      })
      .returning();
    const stored = lines.length
      ? await ctx.tx
          .insert(journalLines)
          .values(lines.map((l) => ({ ...l, tenantId: ctx.tenantId, entryId: entry.id })))
          .returning()
      : [];
    const view = entryView(
      entry,
      stored.sort((a, b) => a.lineNo - b.lineNo),
    );
    ctx.audit({ entity: 'journalEntry', entityId: entry.id, after: view });
    return view;
  },
});
