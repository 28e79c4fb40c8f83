import { Decimal } from 'decimal.js';
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { absorbDifference } from '../../rules/absorb-difference.js';
import {
  journalNameOf,
  journalOfKind,
  nextDocumentNumber,
  SIDE_ACCOUNT,
  SIDE_OF_KIND,
  settingAccount,
} from '../documents.js';
import { instalmentsOf } from '../instalments.js';
import { prepareDraft } from '../invoice-draft.js';
import { assertDraftInvoice, lockInvoice } from '../invoice-lock.js';
import { type DocumentLine, postDocumentEntry } from '../post-entry.js';
import { invoiceLines, invoices, openItems, paymentTerms } from '../schema.js';
import { invoiceView } from '../views.js';

type Kind = keyof typeof SIDE_OF_KIND;

/**
 * How each kind books: the sign of its receivable or payable line (a debit is positive), and of
 * its open items. Income, expense and tax lines take the opposite sign of the control line.
 */
const BOOKING: Record<
  Kind,
  {
    control: 1 | -1;
    item: 1 | -1;
    prefix: string;
    journal: 'sales' | 'purchases';
    taxAccount: 'salesAccountId' | 'purchaseAccountId';
  }
> = {
  customer_invoice: { control: 1, item: 1, prefix: 'INV', journal: 'sales', taxAccount: 'salesAccountId' },
  customer_credit_note: {
    control: -1,
    item: -1,
    prefix: 'CN',
    journal: 'sales',
    taxAccount: 'salesAccountId',
  },
  supplier_invoice: {
    control: -1,
    item: 1,
    prefix: 'BILL',
    journal: 'purchases',
    taxAccount: 'purchaseAccountId',
  },
  supplier_credit_note: {
    control: 1,
    item: -1,
    prefix: 'SCN',
    journal: 'purchases',
    taxAccount: 'purchaseAccountId',
  },
};

/**
 * Posts a draft: recomputes it as it stands today, numbers it without gaps for its company, kind
 * and year, opens one item per instalment of its terms, and books it in the sales or purchases
 * journal. From then on it never changes.
 */
export const postInvoice = defineAction({
  name: 'accounting.postInvoice',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const invoice = await lockInvoice(ctx.tx, id);
    assertDraftInvoice(invoice, 'posted again');
    const kind = invoice.kind as Kind;
    const booking = BOOKING[kind];
    const side = SIDE_OF_KIND[kind];
    const lines = await ctx.tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, id))
      .orderBy(asc(invoiceLines.lineNo));
    const draft = await prepareDraft(
      ctx.tx,
      {
        companyId: invoice.companyId,
        kind,
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
    const journal = await journalOfKind(ctx.tx, invoice.companyId, booking.journal);
    const controlAccountId = await settingAccount(ctx.tx, invoice.companyId, SIDE_ACCOUNT[side]);
    const { header, totals, precision, companyPrecision } = draft;

    const terms = header.paymentTermsId
      ? (await ctx.tx.select().from(paymentTerms).where(eq(paymentTerms.id, header.paymentTermsId)))[0]
          .instalments
      : [{ percent: '100', days: 0 }];
    const items = instalmentsOf({
      gross: new Decimal(totals.gross).times(booking.item),
      grossInCompanyCurrency: new Decimal(header.grossInCompanyCurrency).times(booking.item),
      invoiceDate: header.invoiceDate,
      rate: header.rate,
      terms,
      precision,
      companyPrecision,
    });

    // The income (or expense) lines take the nets, the tax accounts the tax totals; what the
    // rounding mode leaves between them and the gross goes on the largest line.
    const other = -booking.control;
    const revenue: DocumentLine[] = lines.map((l, i) => ({
      accountId: l.accountId,
      amount: new Decimal(totals.lines[i].net).times(other),
      description: l.description,
      costCentreId: l.costCentreId,
      projectId: l.projectId,
      departmentId: l.departmentId,
    }));
    const taxLines: DocumentLine[] = totals.taxTotals.map((t) => {
      const tax = draft.documentTaxes.find((d) => d.id === t.taxId)!;
      return {
        accountId: tax[booking.taxAccount],
        amount: new Decimal(t.amount).times(other),
        description: tax.name,
      };
    });
    const control: DocumentLine = {
      accountId: controlAccountId,
      amount: new Decimal(totals.gross).times(booking.control),
      amountInCompanyCurrency: new Decimal(header.grossInCompanyCurrency).times(booking.control),
      counterpartyId: invoice.counterpartyId,
      description: `${journalNameOf(kind)}`,
    };
    if (revenue.length) {
      const balanced = absorbDifference(
        [control, ...revenue, ...taxLines].map((l) => l.amount),
        [false, ...revenue.map(() => true), ...taxLines.map(() => false)],
      );
      revenue.forEach((line, i) => {
        line.amount = balanced[i + 1];
      });
    }

    // The open items need no number: written before the series row is locked.
    await ctx.tx.insert(openItems).values(
      items.map((inst, i) => ({
        tenantId: ctx.tenantId,
        companyId: invoice.companyId,
        side,
        counterpartyId: invoice.counterpartyId,
        accountId: controlAccountId,
        invoiceId: id,
        instalment: i + 1,
        documentDate: header.invoiceDate,
        dueDate: inst.dueDate,
        currency: header.currency,
        rate: header.rate,
        amount: inst.amount,
        amountInCompanyCurrency: inst.amountInCompanyCurrency,
        outstanding: inst.amount,
        outstandingInCompanyCurrency: inst.amountInCompanyCurrency,
      })),
    );
    const number = await nextDocumentNumber(
      ctx,
      invoice.companyId,
      `invoice:${kind}`,
      header.invoiceDate,
      booking.prefix,
    );
    const entry = await postDocumentEntry(ctx, {
      companyId: invoice.companyId,
      journalId: journal.id,
      postingDate: header.invoiceDate,
      currency: header.currency,
      rate: header.rate,
      companyPrecision,
      memo: `${journalNameOf(kind)} ${number}`,
      sourceType: 'invoice',
      sourceId: id,
      lines: [control, ...revenue, ...taxLines],
    });
    await ctx.tx
      .update(invoices)
      .set({
        ...header,
        status: 'posted',
        number,
        journalEntryId: entry.id,
        postedAt: new Date(),
        postedBy: entry.postedBy,
        updatedAt: new Date(),
      })
      .where(eq(invoices.id, id));
    const view = await invoiceView(ctx.tx, id);
    ctx.audit({ entity: 'invoice', entityId: id, before: invoice, after: view });
    ctx.emit('invoice.posted', { invoiceId: id, companyId: invoice.companyId, kind, number });
    return view;
  },
});
