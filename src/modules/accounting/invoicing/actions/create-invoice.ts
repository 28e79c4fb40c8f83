import { defineAction } from '../../../../platform/actions/define-action.js';
import { actingUserId } from '../../books.js';
import { prepareDraft } from '../invoice-draft.js';
import { bookInvoice } from '../invoice-posting.js';
import { invoiceLines, invoices } from '../schema.js';
import { NewInvoiceInput } from '../schemas.js';
import { invoiceViewOf } from '../views.js';

/**
 * A draft invoice or credit note: totals computed, nothing on the books until it is posted.
 * With `post`, it is booked in the same transaction from the same computation: an integration
 * sending finished invoices makes one call, and a refused posting saves no draft either.
 */
export const createInvoice = defineAction({
  name: 'accounting.createInvoice',
  input: NewInvoiceInput,
  permission: 'accounting:write',
  async run(ctx, { post, ...input }) {
    const draft = await prepareDraft(ctx.tx, input);
    const [invoice] = await ctx.tx
      .insert(invoices)
      .values({ ...draft.header, tenantId: ctx.tenantId, createdBy: await actingUserId(ctx.tx, ctx.actor) })
      .returning();
    const lines = await ctx.tx
      .insert(invoiceLines)
      .values(draft.lines.map((l) => ({ ...l, tenantId: ctx.tenantId, invoiceId: invoice.id })))
      .returning();
    if (post) return bookInvoice(ctx, invoice, lines, draft);
    const view = invoiceViewOf(invoice, lines, []);
    ctx.audit({ entity: 'invoice', entityId: invoice.id, after: view });
    return view;
  },
});
