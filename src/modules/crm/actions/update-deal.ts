import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { assertMayAssign } from '../../parties/visibility.js';
import {
  assertAmountFits,
  assertCounterpartyOfClient,
  assertMember,
  assertSourceExists,
  checkedCustomValues,
  clientOfDeal,
  loadVisibleDeal,
} from '../deal-checks.js';
import { DealChanges } from '../deal-schemas.js';
import { deals } from '../schema.js';

/**
 * Changes a deal's own fields. Custom values given replace those keys (null removes one) and keep the rest. Its
 * stage changes only by a move, where the stage regulations are checked.
 */
export const updateDeal = defineAction({
  name: 'crm.updateDeal',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(DealChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, ...changes }) {
    const { tx, actor } = ctx;
    const before = await loadVisibleDeal(tx, actor, id, { lock: true });
    if (changes.responsibleUserId !== undefined && changes.responsibleUserId !== before.responsibleUserId) {
      assertMayAssign(actor, changes.responsibleUserId);
      await assertMember(tx, ctx.tenantId, changes.responsibleUserId);
    }
    if (changes.amount !== undefined || changes.currency !== undefined)
      await assertAmountFits(
        tx,
        changes.amount === undefined ? before.amount : changes.amount,
        changes.currency ?? before.currency,
      );
    if (changes.counterpartyId)
      await assertCounterpartyOfClient(tx, changes.counterpartyId, await clientOfDeal(tx, before));
    await assertSourceExists(tx, changes.sourceId);
    const custom = changes.custom ? await checkedCustomValues(tx, changes.custom, before.custom) : undefined;
    const [after] = await tx
      .update(deals)
      .set({ ...changes, ...(custom ? { custom } : {}), updatedAt: new Date() })
      .where(eq(deals.id, id))
      .returning();
    ctx.audit({ entity: 'deal', entityId: id, before, after });
    return after;
  },
});
