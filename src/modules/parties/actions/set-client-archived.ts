import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { clients } from '../schema.js';
import { loadVisibleClient } from '../visibility.js';

/** Clients keep their history, so they are archived (hidden from lists and pickers), never deleted. */
export const setClientArchived = defineAction({
  name: 'parties.setClientArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'parties:write',
  async run(ctx, { id, archived }) {
    const before = await loadVisibleClient(ctx.tx, ctx.actor, id, { lock: true });
    if (!archived && before.mergedIntoId)
      throw conflict(
        `Client "${before.name}" was merged into client ${before.mergedIntoId} and stays archived; work with that one.`,
        [{ field: 'id', reason: 'was merged into another client' }],
      );
    const [after] = await ctx.tx
      .update(clients)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(clients.id, id))
      .returning();
    ctx.audit({
      entity: 'client',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    ctx.emit(archived ? 'parties.clientArchived' : 'parties.clientRestored', { clientId: id });
    return after;
  },
});
