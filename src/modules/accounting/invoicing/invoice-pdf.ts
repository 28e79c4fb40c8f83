import { Decimal } from 'decimal.js';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { formatAddress } from '../../../platform/directories/address.js';
import { conflict } from '../../../platform/http/problem.js';
import { companies } from '../../../platform/tenancy/schema.js';
import { counterparties } from '../../parties/schema.js';
import { currencyPrecision } from '../books.js';
import { journalNameOf } from './documents.js';
import { computeTotals } from './invoice-draft.js';
import { a4Document, block, type Column, pdfBytes, table } from './pdf-layout.js';
import { paymentTerms, taxes } from './schema.js';
import { invoiceView } from './views.js';

type Kind = Parameters<typeof journalNameOf>[0];

/**
 * A posted (or cancelled) invoice with what its print shows: both parties, the names of its
 * taxes and each tax's total as the invoice's own rounding mode computed them, its terms.
 * A draft has no number yet: 409 until it is posted.
 */
export async function printableInvoice(tx: Executor, id: string) {
  const invoice = await invoiceView(tx, id);
  if (invoice.status === 'draft')
    throw conflict(`Invoice ${id} is a draft; post it to print it with its number.`, [
      { field: 'id', reason: 'the invoice is a draft' },
    ]);
  const [company] = await tx.select().from(companies).where(eq(companies.id, invoice.companyId));
  const [counterparty] = await tx
    .select()
    .from(counterparties)
    .where(eq(counterparties.id, invoice.counterpartyId));
  const taxIds = [...new Set(invoice.lines.flatMap((l) => l.taxIds))];
  const found = taxIds.length ? await tx.select().from(taxes).where(inArray(taxes.id, taxIds)) : [];
  // The document's taxes in the order its lines first name them, as they were computed.
  const documentTaxes = taxIds.map((taxId) => found.find((t) => t.id === taxId)!);
  const precision = await currencyPrecision(tx, invoice.currency, 'currency');
  const totals = computeTotals(invoice.lines, documentTaxes, precision, invoice.taxRounding);
  const [terms] = invoice.paymentTermsId
    ? await tx.select().from(paymentTerms).where(eq(paymentTerms.id, invoice.paymentTermsId))
    : [];
  return {
    invoice,
    company,
    counterparty,
    taxNames: new Map(documentTaxes.map((t) => [t.id, t.name])),
    taxTotals: totals.taxTotals.map((t) => ({
      name: documentTaxes.find((d) => d.id === t.taxId)!.name,
      amount: t.amount,
    })),
    termsName: terms?.name ?? null,
    precision,
    companyCurrency: company.baseCurrency,
    companyPrecision: await currencyPrecision(tx, company.baseCurrency, 'currency'),
  };
}

export type PrintableInvoice = Awaited<ReturnType<typeof printableInvoice>>;

const LINE_COLUMNS: Column[] = [
  { header: '#', share: 0.05 },
  { header: 'Description', share: 0.31 },
  { header: 'Quantity', share: 0.1, align: 'right' },
  { header: 'Unit price', share: 0.12, align: 'right' },
  { header: 'Disc. %', share: 0.1, align: 'right' },
  { header: 'Net', share: 0.12, align: 'right' },
  { header: 'Taxes', share: 0.1 },
  { header: 'Tax', share: 0.1, align: 'right' },
];

const trimmed = (value: string) => new Decimal(value).toFixed();

/** A price with at least the currency's places, and any further ones it really has. */
const price = (value: string, precision: number) => {
  const d = new Decimal(value);
  return d.toFixed(Math.max(d.decimalPlaces(), precision));
};

/** The invoice as the customer (or our files, for a supplier's) receives it. */
export function invoicePdf(p: PrintableInvoice) {
  const { invoice, company, counterparty } = p;
  const kind = invoice.kind as Kind;
  const title = `${journalNameOf(kind)} ${invoice.number}`;
  const doc = a4Document(title);
  const isPurchase = kind.startsWith('supplier');
  const [issuer, receiver] = isPurchase ? ['Supplier', 'Customer'] : ['Seller', 'Buyer'];
  const ours = [
    company.legalName ?? company.name,
    company.taxId ? `Tax id ${company.taxId}` : null,
    formatAddress(company.address),
  ];
  const theirs = [
    counterparty.legalName,
    counterparty.taxId ? `Tax id ${counterparty.taxId}` : null,
    formatAddress(counterparty.legalAddress),
  ];

  doc.font('bold').fontSize(14).text(title);
  doc.font('regular').fontSize(9);
  if (invoice.status === 'cancelled') doc.font('bold').text('CANCELLED').font('regular');
  doc.text(`Date ${invoice.invoiceDate}`);
  doc.text(`Currency ${invoice.currency}`);
  if (invoice.currency !== p.companyCurrency)
    doc.text(`Rate ${trimmed(invoice.rate)} ${p.companyCurrency} per ${invoice.currency}`);
  if (p.termsName) doc.text(`Payment terms ${p.termsName}`);
  doc.moveDown();
  block(doc, issuer, isPurchase ? theirs : ours);
  block(doc, receiver, isPurchase ? ours : theirs);

  const money = (amount: string) => new Decimal(amount).abs().toFixed(p.precision);
  table(doc, LINE_COLUMNS, [
    ...invoice.lines.map((l) => ({
      cells: [
        String(l.lineNo),
        l.description,
        trimmed(l.quantity),
        price(l.unitPrice, p.precision),
        new Decimal(l.discountPercent).isZero() ? '' : trimmed(l.discountPercent),
        money(l.net),
        l.taxIds.map((t) => p.taxNames.get(t)).join(', '),
        money(l.tax),
      ],
    })),
  ]);
  doc.moveDown();

  const TOTAL_COLUMNS: Column[] = [
    { header: '', share: 0.6 },
    { header: 'Totals', share: 0.2 },
    { header: invoice.currency, share: 0.2, align: 'right' },
  ];
  table(doc, TOTAL_COLUMNS, [
    { cells: ['', 'Net', money(invoice.netTotal)] },
    ...p.taxTotals.map((t) => ({ cells: ['', t.name, money(t.amount)] })),
    { cells: ['', 'Total', money(invoice.grossTotal)], bold: true },
    ...(invoice.currency === p.companyCurrency
      ? []
      : [
          {
            cells: [
              '',
              `Total in ${p.companyCurrency}`,
              new Decimal(invoice.grossInCompanyCurrency).toFixed(p.companyPrecision),
            ],
          },
        ]),
  ]);
  doc.moveDown();

  if (invoice.openItems.length) {
    table(
      doc,
      [
        { header: 'Instalment', share: 0.2 },
        { header: 'Due date', share: 0.4 },
        { header: `Amount ${invoice.currency}`, share: 0.4, align: 'right' },
      ],
      invoice.openItems.map((item) => ({
        cells: [String(item.instalment), item.dueDate, money(item.amount)],
      })),
    );
  }
  if (invoice.memo) doc.moveDown().text(invoice.memo);
  return pdfBytes(doc);
}
