import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { notFound } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { loadVisibleCounterparty } from '../queries.js';
import { counterparties } from '../schema.js';

/** An archived counterparty stays on the documents it signed but is offered for no new link. */
export const setCounterpartyArchived = defineAction({
  name: 'parties.setCounterpartyArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'parties:write',
  async run(ctx, { id, archived }) {
    const before = await loadVisibleCounterparty(ctx.tx, ctx.actor, id, true);
    if (!before) throw notFound('Counterparty', id);
    const [after] = await ctx.tx
      .update(counterparties)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(counterparties.id, id))
      .returning();
    ctx.audit({
      entity: 'counterparty',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
