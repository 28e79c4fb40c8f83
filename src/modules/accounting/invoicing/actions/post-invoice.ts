import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { type DraftInput, prepareDraft } from '../invoice-draft.js';
import { assertDraftInvoice, lockInvoice } from '../invoice-lock.js';
import { bookInvoice } from '../invoice-posting.js';
import { invoiceLines } from '../schema.js';

/**
 * Posts a draft: recomputes it as it stands today (a rate recorded or a tax changed since it
 * was saved counts), then books it. From then on it never changes.
 */
export const postInvoice = defineAction({
  name: 'accounting.postInvoice',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const invoice = await lockInvoice(ctx.tx, id);
    assertDraftInvoice(invoice, 'posted again');
    const lines = await ctx.tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, id))
      .orderBy(asc(invoiceLines.lineNo));
    const draft = await prepareDraft(
      ctx.tx,
      {
        companyId: invoice.companyId,
        kind: invoice.kind as DraftInput['kind'],
        counterpartyId: invoice.counterpartyId,
        invoiceDate: invoice.invoiceDate,
        currency: invoice.currency,
        paymentTermsId: invoice.paymentTermsId,
        creditsInvoiceId: invoice.creditsInvoiceId,
        sourceId: invoice.sourceId,
        memo: invoice.memo,
        lines,
      },
      invoice.taxRounding,
    );
    return bookInvoice(ctx, invoice, lines, draft);
  },
});
