import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { activeChildCount, checkParent } from '../account-checks.js';
import { lockAccount } from '../books.js';
import { accounts } from '../schema.js';

/**
 * An archived account keeps its history and its balance in reports but takes no new postings.
 * A group goes only once its accounts have gone; a restored account needs its group back first.
 */
export const setAccountArchived = defineAction({
  name: 'accounting.setAccountArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, archived }) {
    const before = await lockAccount(ctx.tx, id);
    if (archived && before.isGroup) {
      const children = await activeChildCount(ctx.tx, id);
      if (children)
        throw conflict(`Account ${before.code} has ${children} accounts under it that are not archived.`, [
          { field: 'id', reason: 'archive the accounts under it first' },
        ]);
    }
    if (!archived) await checkParent(ctx.tx, before);
    const [after] = await ctx.tx
      .update(accounts)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(accounts.id, id))
      .returning();
    ctx.audit({
      entity: 'account',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
