import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { prepareDraft } from '../invoice-draft.js';
import { assertDraftInvoice, lockInvoice } from '../invoice-lock.js';
import { invoiceLines, invoices } from '../schema.js';
import { InvoiceFields } from '../schemas.js';
import { invoiceView } from '../views.js';

/** A draft is saved whole: the lines given replace the draft's lines, and the totals follow. */
export const updateInvoice = defineAction({
  name: 'accounting.updateInvoice',
  input: Type.Object({ id: Id, ...InvoiceFields }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id, ...input }) {
    const before = await lockInvoice(ctx.tx, id);
    assertDraftInvoice(before, 'changed');
    const previous = await invoiceView(ctx.tx, id);
    const draft = await prepareDraft(ctx.tx, input);
    await ctx.tx
      .update(invoices)
      .set({ ...draft.header, updatedAt: new Date() })
      .where(eq(invoices.id, id));
    await ctx.tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, id));
    await ctx.tx
      .insert(invoiceLines)
      .values(draft.lines.map((l) => ({ ...l, tenantId: ctx.tenantId, invoiceId: id })));
    const view = await invoiceView(ctx.tx, id);
    ctx.audit({ entity: 'invoice', entityId: id, before: previous, after: view });
    return view;
  },
});
