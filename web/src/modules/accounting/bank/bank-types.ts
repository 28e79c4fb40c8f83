export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYYMMDD'] as const;
export const LINE_STATUSES = ['open', 'confirmed', 'ignored'] as const;

/** Column numbers count from 0; null when the file has no such column. */
export interface CsvMapping {
  delimiter: string;
  hasHeader: boolean;
  dateColumn: number;
  dateFormat: string;
  amountColumn?: number | null;
  debitColumn?: number | null;
  creditColumn?: number | null;
  decimalSeparator: string;
  thousandsSeparator?: string | null;
  referenceColumn?: number | null;
  counterpartyNameColumn?: number | null;
  counterpartyAccountColumn?: number | null;
}

export interface Progress {
  open: number;
  confirmed: number;
  ignored: number;
}

export interface StatementSummary {
  id: string;
  companyId: string;
  journalId: string;
  format: 'csv' | 'camt053';
  statementRef: string | null;
  fileName: string | null;
  accountIban: string | null;
  currency: string;
  openingBalance: string | null;
  closingBalance: string | null;
  fromDate: string;
  toDate: string;
  duplicateCount: number;
  createdAt: string;
  progress: Progress;
}

export interface StatementLine {
  id: string;
  statementId: string;
  lineNo: number;
  bookingDate: string;
  amount: string;
  currency: string;
  reference: string | null;
  bankReference: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  status: (typeof LINE_STATUSES)[number];
  counterpartyId: string | null;
  paymentId: string | null;
  paymentNumber: string | null;
  cancelledPaymentId: string | null;
  note: string | null;
}

export interface Statement extends StatementSummary {
  lines: StatementLine[];
}

export interface ImportResult {
  statement: Statement | null;
  imported: number;
  duplicates: number;
}

export interface Suggestion {
  openItemId: string;
  counterpartyId: string;
  counterpartyName: string;
  documentNumber: string | null;
  invoiceId: string | null;
  dueDate: string;
  outstanding: string;
  score: number;
  reasons: ('document_number' | 'exact_amount' | 'iban' | 'name')[];
  amount: string;
}

export interface LineSuggestions {
  lineId: string;
  suggestions: Suggestion[];
}

/** What importing or confirming changes: the statements, and the payments and items they touch. */
export const BANK_CHANGED = ['/bank-statements', '/payments', '/invoices', '/open-items'];
