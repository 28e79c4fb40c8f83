import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { assertPaymentStatus, lockPayment } from '../payment-lock.js';
import { reverseDocumentEntry } from '../post-entry.js';
import { openItems, payments } from '../schema.js';
import { undoAllocation } from '../settle.js';
import { allocationsOf, liveAllocations, paymentView } from '../views.js';

/**
 * Cancels a posted payment: every allocation it made is undone (with its exchange entry), its
 * entry is reversed, and its advance closes.
 */
export const cancelPayment = defineAction({
  name: 'accounting.cancelPayment',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const payment = await lockPayment(ctx.tx, id);
    assertPaymentStatus(payment, 'posted', 'cancelled');
    const [item] = await ctx.tx.select().from(openItems).where(eq(openItems.paymentId, id));
    for (const allocation of liveAllocations(await allocationsOf(ctx.tx, [item.id])))
      await undoAllocation(ctx, allocation);
    await reverseDocumentEntry(ctx, payment.journalEntryId!, {
      sourceType: 'payment',
      sourceId: id,
      memo: `Cancelling ${payment.number}`,
    });
    await ctx.tx
      .update(openItems)
      .set({ outstanding: '0', outstandingInCompanyCurrency: '0' })
      .where(eq(openItems.id, item.id));
    await ctx.tx
      .update(payments)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(payments.id, id));
    const view = await paymentView(ctx.tx, id);
    ctx.audit({
      entity: 'payment',
      entityId: id,
      before: { status: payment.status },
      after: { status: view.status },
    });
    ctx.emit('payment.cancelled', { paymentId: id, companyId: payment.companyId });
    return view;
  },
});
