import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { conflict } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { lockInvoice } from '../invoice-lock.js';
import { reverseDocumentEntry } from '../post-entry.js';
import { invoices, openItems } from '../schema.js';
import { allocationsOf, invoiceView, liveAllocations } from '../views.js';

/**
 * Cancels a posted invoice with a reversal of its entry. Its open items close (outstanding 0): it
 * no longer asks for payment. Anything allocated to it must be undone first.
 */
export const cancelInvoice = defineAction({
  name: 'accounting.cancelInvoice',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const invoice = await lockInvoice(ctx.tx, id);
    const name = invoice.number ?? invoice.id;
    if (invoice.status !== 'posted')
      throw conflict(`Invoice ${name} is ${invoice.status}; only a posted invoice can be cancelled.`, [
        { field: 'id', reason: `invoice ${name} is ${invoice.status}` },
      ]);
    const items = await ctx.tx.select().from(openItems).where(eq(openItems.invoiceId, id)).for('update');
    const live = liveAllocations(
      await allocationsOf(
        ctx.tx,
        items.map((i) => i.id),
      ),
    );
    if (live.length)
      throw conflict(
        `Invoice ${name} has ${live.length} allocation(s) (${live.map((a) => `${a.id}: ${a.amount} ${invoice.currency}`).join(', ')}); undo them before cancelling it.`,
        live.map((a) => ({
          field: 'allocations',
          reason: `allocation ${a.id} of ${a.amount} ${invoice.currency} stands`,
        })),
      );
    await reverseDocumentEntry(ctx, invoice.journalEntryId!, {
      sourceType: 'invoice',
      sourceId: id,
      memo: `Cancelling ${name}`,
    });
    await ctx.tx
      .update(openItems)
      .set({ outstanding: '0', outstandingInCompanyCurrency: '0' })
      .where(eq(openItems.invoiceId, id));
    await ctx.tx
      .update(invoices)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(invoices.id, id));
    const view = await invoiceView(ctx.tx, id);
    ctx.audit({
      entity: 'invoice',
      entityId: id,
      before: { status: invoice.status },
      after: { status: view.status },
    });
    ctx.emit('invoice.cancelled', { invoiceId: id, companyId: invoice.companyId });
    return view;
  },
});
