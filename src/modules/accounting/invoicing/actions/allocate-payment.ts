import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { assertPaymentStatus, lockPayment } from '../payment-lock.js';
import { openItems } from '../schema.js';
import { AllocationRequest } from '../schemas.js';
import { allocate } from '../settle.js';
import { paymentView } from '../views.js';

/** Allocates part of a posted payment to an open item the person picks. */
export const allocatePaymentTo = defineAction({
  name: 'accounting.allocatePayment',
  input: Type.Object({ id: Id, ...AllocationRequest.properties }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id, openItemId, amount, allocatedOn }) {
    const payment = await lockPayment(ctx.tx, id);
    assertPaymentStatus(payment, 'posted', 'allocated');
    const [item] = await ctx.tx.select().from(openItems).where(eq(openItems.paymentId, id));
    await allocate(ctx, { itemId: openItemId, settlingId: item.id, amount, allocatedOn, paymentId: id });
    return paymentView(ctx.tx, id);
  },
});
