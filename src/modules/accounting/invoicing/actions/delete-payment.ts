import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { assertPaymentStatus, lockPayment } from '../payment-lock.js';
import { payments } from '../schema.js';

export const deletePayment = defineAction({
  name: 'accounting.deletePayment',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const before = await lockPayment(ctx.tx, id);
    assertPaymentStatus(before, 'draft', 'deleted');
    await ctx.tx.delete(payments).where(eq(payments.id, id));
    ctx.audit({ entity: 'payment', entityId: id, before });
    return { id };
  },
});
