import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { preparePayment } from '../payment-draft.js';
import { assertPaymentStatus, lockPayment } from '../payment-lock.js';
import { payments } from '../schema.js';
import { PaymentFields } from '../schemas.js';
import { paymentView } from '../views.js';

export const updatePayment = defineAction({
  name: 'accounting.updatePayment',
  input: Type.Object({ id: Id, ...PaymentFields }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id, ...input }) {
    const before = await lockPayment(ctx.tx, id);
    assertPaymentStatus(before, 'draft', 'changed');
    const { header } = await preparePayment(ctx.tx, input);
    const [after] = await ctx.tx
      .update(payments)
      .set({ ...header, updatedAt: new Date() })
      .where(eq(payments.id, id))
      .returning();
    ctx.audit({ entity: 'payment', entityId: id, before, after });
    return paymentView(ctx.tx, id);
  },
});
