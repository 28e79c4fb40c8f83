import { Decimal } from 'decimal.js';
import { a4Document, block, type Column, pdfBytes, signatures, table } from './pdf-layout.js';
import type { MovementKind, Statement } from './statement.js';

const KIND_NAMES: Record<MovementKind, string> = {
  customer_invoice: 'Invoice',
  customer_credit_note: 'Credit note',
  supplier_invoice: 'Supplier invoice',
  supplier_credit_note: 'Supplier credit note',
  payment_in: 'Payment received',
  payment_out: 'Payment made',
  exchange_difference: 'Exchange difference',
  cancellation: 'Cancellation',
  journal_entry: 'Journal entry',
};

const COLUMNS: Column[] = [
  { header: 'Date', share: 0.12 },
  { header: 'Document', share: 0.18 },
  { header: 'Number', share: 0.16 },
  { header: 'Amount', share: 0.15, align: 'right' },
  { header: 'Debit', share: 0.13, align: 'right' },
  { header: 'Credit', share: 0.13, align: 'right' },
  { header: 'Balance', share: 0.13, align: 'right' },
];

const blankIfZero = (amount: string) => (new Decimal(amount).isZero() ? '' : amount);

/** Who owes whom, said the way both parties sign it. */
function balanceSentence(s: Statement, balance: string, on: string) {
  const value = new Decimal(balance);
  const amount = value.abs().toFixed(s.closingBalance.split('.')[1]?.length ?? 0);
  if (value.isZero()) return `On ${on} neither party owes the other anything.`;
  return value.isNegative()
    ? `On ${on} ${s.company.legalName} owes ${s.counterparty.legalName} ${amount} ${s.currency}.`
    : `On ${on} ${s.counterparty.legalName} owes ${s.company.legalName} ${amount} ${s.currency}.`;
}

/**
 * The statement as both parties sign it: the parties, the period, every movement with the
 * running balance (debit: what raises the counterparty's debt to the company), and the totals.
 */
export function statementPdf(s: Statement) {
  const doc = a4Document(`Statement of account ${s.counterparty.legalName} ${s.from} – ${s.to}`);
  doc.font('bold').fontSize(14).text('Statement of account (reconciliation act)', { align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text(`Period ${s.from} – ${s.to}, amounts in ${s.currency}`, { align: 'center' });
  doc.moveDown();
  block(doc, 'Company', [s.company.legalName, s.company.taxId ? `Tax id ${s.company.taxId}` : null]);
  block(doc, 'Counterparty', [
    s.counterparty.legalName,
    s.counterparty.taxId ? `Tax id ${s.counterparty.taxId}` : null,
  ]);
  table(doc, COLUMNS, [
    { cells: [s.from, 'Opening balance', '', '', '', '', s.openingBalance], bold: true },
    ...s.movements.map((m) => ({
      cells: [
        m.date,
        KIND_NAMES[m.kind],
        m.number ?? '',
        `${m.amountInCurrency} ${m.currency}`,
        blankIfZero(m.debit),
        blankIfZero(m.credit),
        m.balance,
      ],
    })),
    { cells: ['', 'Turnover', '', '', s.totals.debit, s.totals.credit, ''], bold: true },
    { cells: [s.to, 'Closing balance', '', '', '', '', s.closingBalance], bold: true },
  ]);
  doc.moveDown();
  doc.font('regular').text(balanceSentence(s, s.closingBalance, s.to));
  signatures(doc, [s.company.legalName, s.counterparty.legalName]);
  return pdfBytes(doc);
}
