import { defineAction } from '../../../../platform/actions/define-action.js';
import { actingUserId } from '../../books.js';
import { prepareDraft } from '../invoice-draft.js';
import { invoiceLines, invoices } from '../schema.js';
import { InvoiceInput } from '../schemas.js';
import { invoiceView } from '../views.js';

/** A draft invoice or credit note: totals computed, nothing on the books until it is posted. */
export const createInvoice = defineAction({
  name: 'accounting.createInvoice',
  input: InvoiceInput,
  permission: 'accounting:write',
  async run(ctx, input) {
    const draft = await prepareDraft(ctx.tx, input);
    const [invoice] = await ctx.tx
      .insert(invoices)
      .values({ ...draft.header, tenantId: ctx.tenantId, createdBy: await actingUserId(ctx.tx, ctx.actor) })
      .returning();
    await ctx.tx
      .insert(invoiceLines)
      .values(draft.lines.map((l) => ({ ...l, tenantId: ctx.tenantId, invoiceId: invoice.id })));
    const view = await invoiceView(ctx.tx, invoice.id);
    ctx.audit({ entity: 'invoice', entityId: invoice.id, after: view });
    return view;
  },
});
