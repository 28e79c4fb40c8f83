/** The revaluation API's records, as /api/v1 serves them. Money and rates are decimal strings. */
import type { Side } from './invoicing-types';

export interface RevaluedItem {
  id: string;
  side: Side;
  accountId: string;
  counterpartyId: string;
  legalName: string;
  invoiceId: string | null;
  paymentId: string | null;
  documentDate: string;
  dueDate: string;
  currency: string;
  outstanding: string;
  rate: string;
  outstandingInCompanyCurrency: string;
  revaluedInCompanyCurrency: string;
  difference: string;
}

export interface RevaluationTotal {
  side: Side;
  accountId: string;
  currency: string;
  outstanding: string;
  outstandingInCompanyCurrency: string;
  revaluedInCompanyCurrency: string;
  difference: string;
}

export interface RevaluationPreview {
  companyId: string;
  date: string;
  reversalDate: string;
  side: Side | null;
  currency: string;
  rates: { currency: string; rate: string }[];
  items: RevaluedItem[];
  totals: RevaluationTotal[];
  gain: string;
  loss: string;
}

export interface Revaluation {
  id: string;
  companyId: string;
  date: string;
  status: 'posted' | 'cancelled';
  memo: string | null;
  currency: string;
  gain: string;
  loss: string;
  entryId: string;
  entryNumber: string | null;
  reversalEntryId: string | null;
  reversalEntryNumber: string | null;
  reversalDate: string | null;
}
