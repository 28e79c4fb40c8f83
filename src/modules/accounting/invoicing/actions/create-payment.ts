import { defineAction } from '../../../../platform/actions/define-action.js';
import { actingUserId } from '../../books.js';
import { preparePayment } from '../payment-draft.js';
import { payments } from '../schema.js';
import { PaymentInput } from '../schemas.js';
import { paymentView } from '../views.js';

/** A draft payment: nothing on the books until it is posted. */
export const createPayment = defineAction({
  name: 'accounting.createPayment',
  input: PaymentInput,
  permission: 'accounting:write',
  async run(ctx, input) {
    const { header } = await preparePayment(ctx.tx, input);
    const [payment] = await ctx.tx
      .insert(payments)
      .values({ ...header, tenantId: ctx.tenantId, createdBy: await actingUserId(ctx.tx, ctx.actor) })
      .returning();
    ctx.audit({ entity: 'payment', entityId: payment.id, after: payment });
    return paymentView(ctx.tx, payment.id);
  },
});
