import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { lockJournal } from '../journal-checks.js';
import { journals } from '../schema.js';

/** An archived journal keeps its entries and numbers; new entries cannot go into it. */
export const setJournalArchived = defineAction({
  name: 'accounting.setJournalArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, archived }) {
    const before = await lockJournal(ctx.tx, id);
    const [after] = await ctx.tx
      .update(journals)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(journals.id, id))
      .returning();
    ctx.audit({
      entity: 'journal',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
