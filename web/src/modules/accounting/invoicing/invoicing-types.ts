/** The invoicing API's records, as /api/v1 serves them. Money, rates and percents are decimal strings. */
import type { EntryStatus } from '../accounting-types';

export const INVOICE_KINDS = [
  'customer_invoice',
  'customer_credit_note',
  'supplier_invoice',
  'supplier_credit_note',
] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const TAX_KINDS = ['on_net', 'included'] as const;
export type TaxKind = (typeof TAX_KINDS)[number];

export const PAYMENT_DIRECTIONS = ['in', 'out'] as const;
export type PaymentDirection = (typeof PAYMENT_DIRECTIONS)[number];

export const SIDES = ['receivable', 'payable'] as const;
export type Side = (typeof SIDES)[number];

export const AGING_BUCKETS = ['not_due', '0-30', '31-60', '61-90', '91-120', '120+'] as const;

/** Invoices and payments go draft → posted → cancelled, as journal entries do. */
export type DocumentStatus = EntryStatus;

export interface Tax {
  id: string;
  companyId: string;
  name: string;
  ratePercent: string;
  kind: TaxKind;
  compound: boolean;
  salesAccountId: string;
  purchaseAccountId: string;
  archivedAt: string | null;
}

export interface Instalment {
  percent: string;
  days: number;
}

export interface PaymentTerms {
  id: string;
  companyId: string;
  name: string;
  instalments: Instalment[];
  archivedAt: string | null;
}

export interface InvoiceLine {
  lineNo: number;
  description: string;
  accountId: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxIds: string[];
  net: string;
  tax: string;
  costCentreId: string | null;
  projectId: string | null;
  departmentId: string | null;
}

/** Signed: positive is owed to the company (receivable) or by it (payable), negative a credit. */
export interface OpenItem {
  id: string;
  companyId: string;
  side: Side;
  counterpartyId: string;
  accountId: string;
  invoiceId: string | null;
  paymentId: string | null;
  instalment: number;
  documentDate: string;
  dueDate: string;
  currency: string;
  rate: string;
  amount: string;
  amountInCompanyCurrency: string;
  outstanding: string;
  outstandingInCompanyCurrency: string;
  allocated: string;
}

export interface Allocation {
  id: string;
  openItemId: string;
  settledById: string;
  paymentId: string | null;
  allocatedOn: string;
  amount: string;
  amountAtItemRate: string;
  amountAtSettlingRate: string;
  exchangeEntryId: string | null;
  undoesId: string | null;
  undoneById: string | null;
  createdAt: string;
}

export interface InvoiceSummary {
  id: string;
  companyId: string;
  kind: InvoiceKind;
  number: string | null;
  status: DocumentStatus;
  counterpartyId: string;
  invoiceDate: string;
  currency: string;
  rate: string;
  paymentTermsId: string | null;
  taxRounding: string;
  netTotal: string;
  taxTotal: string;
  grossTotal: string;
  grossInCompanyCurrency: string;
  journalEntryId: string | null;
  memo: string | null;
  postedAt: string | null;
}

export interface Invoice extends InvoiceSummary {
  lines: InvoiceLine[];
  openItems: OpenItem[];
}

export interface PaymentSummary {
  id: string;
  companyId: string;
  direction: PaymentDirection;
  number: string | null;
  status: DocumentStatus;
  counterpartyId: string;
  journalId: string;
  paymentDate: string;
  currency: string;
  rate: string;
  amount: string;
  amountInCompanyCurrency: string;
  reference: string | null;
  /** Money paid back: out to a customer with a credit, or in from a supplier who owes us. */
  isRefund: boolean;
  journalEntryId: string | null;
  postedAt: string | null;
}

export interface Payment extends PaymentSummary {
  openItem: OpenItem | null;
  allocations: Allocation[];
}

export interface AgingRow {
  counterpartyId: string;
  legalName: string;
  buckets: Record<string, string>;
  total: string;
}

export interface AgingReport {
  companyId: string;
  side: Side;
  asOf: string;
  currency: string;
  rows: AgingRow[];
  totals: Record<string, string>;
  total: string;
}
