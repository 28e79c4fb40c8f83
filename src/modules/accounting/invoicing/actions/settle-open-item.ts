import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { openItems } from '../schema.js';
import { AllocationRequest } from '../schemas.js';
import { allocate } from '../settle.js';
import { allocationsOf } from '../views.js';

/** A credit (a credit note's item, or a payment's advance) settles another item of the same counterparty. */
export const settleOpenItem = defineAction({
  name: 'accounting.settleOpenItem',
  input: Type.Object({ id: Id, ...AllocationRequest.properties }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id, openItemId, amount, allocatedOn }) {
    const [credit] = await ctx.tx.select().from(openItems).where(eq(openItems.id, id));
    if (!credit) throw notFound('Open item', id);
    const row = await allocate(ctx, {
      itemId: openItemId,
      settlingId: id,
      amount,
      allocatedOn,
      paymentId: credit.paymentId,
    });
    return (await allocationsOf(ctx.tx, [id])).find((a) => a.id === row.id)!;
  },
});
