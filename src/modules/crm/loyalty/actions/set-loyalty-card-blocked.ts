import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { visibleThroughClient } from '../../../parties/visibility.js';
import { loyaltyCards } from '../../schema.js';

/**
 * A lost or stolen card is blocked: the till no longer finds the member by it, and the points it
 * earned stay with the client. Unblocking a found card lets it earn again.
 */
export const setLoyaltyCardBlocked = defineAction({
  name: 'crm.setLoyaltyCardBlocked',
  input: Type.Object({ id: Id, blocked: Type.Boolean() }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { id, blocked }) {
    const [before] = await ctx.tx
      .select()
      .from(loyaltyCards)
      .where(and(eq(loyaltyCards.id, id), visibleThroughClient(ctx.actor, loyaltyCards.clientId)))
      .for('update');
    if (!before) throw notFound('Loyalty card', id);
    const [after] = await ctx.tx
      .update(loyaltyCards)
      .set({ blockedAt: blocked ? (before.blockedAt ?? new Date()) : null })
      .where(eq(loyaltyCards.id, id))
      .returning();
    ctx.audit({
      entity: 'loyaltyCard',
      entityId: id,
      before: { blockedAt: before.blockedAt },
      after: { blockedAt: after.blockedAt },
    });
    return after;
  },
});
