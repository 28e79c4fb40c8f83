import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { assertDraftInvoice, lockInvoice } from '../invoice-lock.js';
import { invoices } from '../schema.js';
import { invoiceView } from '../views.js';

/** Only a draft goes away; its lines go with it. */
export const deleteInvoice = defineAction({
  name: 'accounting.deleteInvoice',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const invoice = await lockInvoice(ctx.tx, id);
    assertDraftInvoice(invoice, 'deleted');
    const before = await invoiceView(ctx.tx, id);
    await ctx.tx.delete(invoices).where(eq(invoices.id, id));
    ctx.audit({ entity: 'invoice', entityId: id, before });
    return { id };
  },
});
