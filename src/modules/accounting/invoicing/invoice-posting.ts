import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { absorbDifference } from '../rules/absorb-difference.js';
import { accountOfSettings, journalNameOf, journalOfKind, SIDE_ACCOUNT, SIDE_OF_KIND } from './documents.js';
import { instalmentsOf } from './instalments.js';
import type { InvoiceRow, prepareDraft } from './invoice-draft.js';
import { type DocumentLine, postDocumentEntry } from './post-entry.js';
import { type invoiceLines, invoices, openItems } from './schema.js';
import { postedInvoiceView } from './views.js';

type Kind = keyof typeof SIDE_OF_KIND;
type Draft = Awaited<ReturnType<typeof prepareDraft>>;

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

/** The header fields a recomputation may change between saving a draft and posting it. */
const RECOMPUTED = ['rate', 'netTotal', 'taxTotal', 'grossTotal', 'grossInCompanyCurrency'] as const;

const unchanged = (invoice: InvoiceRow, header: Draft['header']) =>
  invoice.clientId === header.clientId &&
  invoice.taxRounding === header.taxRounding &&
  RECOMPUTED.every((field) => new Decimal(invoice[field]).equals(header[field]));

/**
 * Books a draft invoice computed as it stands today: numbers it without gaps for its company,
 * kind and year, opens one item per instalment of its terms, and posts its entry in the sales
 * or purchases journal. The invoice is locked (or was inserted) by the caller. Every read the
 * draft needed was made before; what is written here is what the posting leaves.
 */
export async function bookInvoice(
  ctx: ActionContext,
  draftInvoice: InvoiceRow,
  lines: (typeof invoiceLines.$inferSelect)[],
  draft: Draft,
) {
  const kind = draftInvoice.kind as Kind;
  const booking = BOOKING[kind];
  const side = SIDE_OF_KIND[kind];
  const { header, totals, precision, companyPrecision } = draft;
  const journal = await journalOfKind(ctx.tx, draftInvoice.companyId, booking.journal);
  const controlAccountId = accountOfSettings(draft.settings, SIDE_ACCOUNT[side]);
  let invoice = draftInvoice;
  if (!unchanged(invoice, header))
    [invoice] = await ctx.tx
      .update(invoices)
      .set({ ...header, updatedAt: new Date() })
      .where(eq(invoices.id, invoice.id))
      .returning();

  const items = instalmentsOf({
    gross: new Decimal(totals.gross).times(booking.item),
    grossInCompanyCurrency: new Decimal(header.grossInCompanyCurrency).times(booking.item),
    invoiceDate: header.invoiceDate,
    rate: header.rate,
    terms: draft.terms?.instalments ?? [{ percent: '100', days: 0 }],
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
    description: journalNameOf(kind),
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

  const opened = await ctx.tx
    .insert(openItems)
    .values(
      items.map((inst, i) => ({
        tenantId: ctx.tenantId,
        companyId: invoice.companyId,
        side,
        counterpartyId: invoice.counterpartyId,
        accountId: controlAccountId,
        invoiceId: invoice.id,
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
    )
    .returning();
  const year = Number(header.invoiceDate.slice(0, 4));
  const entry = await postDocumentEntry(ctx, {
    companyId: invoice.companyId,
    journalId: journal.id,
    postingDate: header.invoiceDate,
    currency: header.currency,
    rate: header.rate,
    precision,
    companyPrecision,
    memo: journalNameOf(kind),
    sourceType: 'invoice',
    sourceId: invoice.id,
    lines: [control, ...revenue, ...taxLines],
    known: { accounts: draft.accountsRead, counterpartyIds: [invoice.counterpartyId] },
    document: {
      table: invoices,
      id: invoice.id,
      key: `invoice:${kind}`,
      year,
      prefix: `${booking.prefix}-${year}-`,
    },
  });
  const posted: InvoiceRow = {
    ...invoice,
    status: 'posted',
    number: entry.documentNumber,
    journalEntryId: entry.id,
    postedAt: entry.postedAt,
    postedBy: entry.postedBy,
    updatedAt: entry.postedAt ?? invoice.updatedAt,
  };
  const view = postedInvoiceView(posted, lines, opened);
  ctx.audit({ entity: 'invoice', entityId: invoice.id, before: draftInvoice, after: view });
  ctx.emit('invoice.posted', {
    invoiceId: invoice.id,
    companyId: invoice.companyId,
    kind,
    number: posted.number,
  });
  return view;
}
