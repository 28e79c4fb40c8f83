import Decimal from 'decimal.js';
import { parseAmount, trimAmount } from '../decimal-sum';
import type { Invoice, InvoiceLine } from './invoicing-types';

/** An invoice line as the editor holds it: numbers as typed. */
export interface InvoiceLineDraft {
  key: string;
  description: string;
  accountId: string | null;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxIds: string[];
}

let nextKey = 0;
const newKey = () => `invoice-line-${++nextKey}`;

export function emptyInvoiceLine(): InvoiceLineDraft {
  return {
    key: newKey(),
    description: '',
    accountId: null,
    quantity: '1',
    unitPrice: '',
    discountPercent: '',
    taxIds: [],
  };
}

function lineDraft(line: InvoiceLine): InvoiceLineDraft {
  return {
    key: newKey(),
    description: line.description,
    accountId: line.accountId,
    quantity: trimAmount(line.quantity, 0),
    unitPrice: trimAmount(line.unitPrice),
    discountPercent: /^0*(\.0*)?$/.test(line.discountPercent) ? '' : trimAmount(line.discountPercent, 0),
    taxIds: line.taxIds,
  };
}

export function invoiceLines(invoice: Invoice | undefined): InvoiceLineDraft[] {
  if (!invoice || invoice.lines.length === 0) return [emptyInvoiceLine()];
  return [...invoice.lines].sort((a, b) => a.lineNo - b.lineNo).map(lineDraft);
}

export const isBlankInvoiceLine = (line: InvoiceLineDraft) =>
  !line.description.trim() && !line.accountId && !line.unitPrice.trim();

/** What the API takes for a line. */
export function invoiceLineBody(line: InvoiceLineDraft) {
  return {
    description: line.description.trim(),
    accountId: line.accountId,
    quantity: line.quantity.trim(),
    unitPrice: line.unitPrice.trim() || '0',
    ...(line.discountPercent.trim() ? { discountPercent: line.discountPercent.trim() } : {}),
    taxIds: line.taxIds,
  };
}

/**
 * Quantity × price less the discount, before tax, as a hint while typing; the server computes
 * the figures that count (taxes and rounding) when the draft is saved.
 */
export function lineNetPreview(line: InvoiceLineDraft): string | null {
  const quantity = parseAmount(line.quantity);
  const price = parseAmount(line.unitPrice);
  const discount = parseAmount(line.discountPercent);
  if (!quantity || !price || !discount) return null;
  const net = quantity.times(price).times(new Decimal(100).minus(discount)).dividedBy(100);
  return net.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
