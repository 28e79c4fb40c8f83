import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { assertDraft, entryView, loadEntry } from '../books.js';
import { journalEntries } from '../schema.js';

/** Only a draft goes away (its lines with it); a posted entry is cancelled instead. */
export const deleteJournalEntry = defineAction({
  name: 'accounting.deleteJournalEntry',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const { entry, lines } = await loadEntry(ctx.tx, id, true);
    assertDraft(entry, 'deleted');
    await ctx.tx.delete(journalEntries).where(eq(journalEntries.id, id));
    ctx.audit({ entity: 'journalEntry', entityId: id, before: entryView(entry, lines) });
    return { id };
  },
});
