import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { conflict } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { loadVisibleClient } from '../../../parties/visibility.js';
import { assertSourceUsable } from '../../actions/activity-links.js';
import { clientAttribution } from '../../schema.js';

/**
 * "How did you learn about us?", answered for a client made by hand (a qualified lead brings
 * its own). A later answer corrects the first one; the audit keeps what it was.
 */
export const setFirstSource = defineAction({
  name: 'crm.setFirstSource',
  input: Type.Object({ clientId: Id, sourceId: Id }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { clientId, sourceId }) {
    const client = await loadVisibleClient(ctx.tx, ctx.actor, clientId);
    if (client.archivedAt) throw conflict(`Client "${client.name}" is archived; restore it first.`);
    await assertSourceUsable(ctx.tx, sourceId);
    const [before] = await ctx.tx
      .select()
      .from(clientAttribution)
      .where(eq(clientAttribution.clientId, clientId))
      .for('update');
    const [after] = before
      ? await ctx.tx
          .update(clientAttribution)
          .set({ firstSourceId: sourceId })
          .where(eq(clientAttribution.clientId, clientId))
          .returning()
      : await ctx.tx
          .insert(clientAttribution)
          .values({ tenantId: ctx.tenantId, clientId, firstSourceId: sourceId })
          .returning();
    ctx.audit({
      entity: 'client',
      entityId: clientId,
      before: before ? { firstSourceId: before.firstSourceId } : undefined,
      after: { firstSourceId: after.firstSourceId },
    });
    return after;
  },
});
