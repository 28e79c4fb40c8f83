/** The accounting API's records, as /api/v1 serves them. Money and rates are decimal strings. */

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const JOURNAL_KINDS = ['sales', 'purchases', 'bank', 'cash', 'general'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export const DIMENSION_KINDS = ['cost_centre', 'project', 'department'] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

export const ENTRY_STATUSES = ['draft', 'posted', 'cancelled'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface Account {
  id: string;
  companyId: string;
  code: string;
  name: string;
  type: AccountType;
  parentId: string | null;
  isGroup: boolean;
  currency: string | null;
  reconcilable: boolean;
  archivedAt: string | null;
}

export interface Journal {
  id: string;
  companyId: string;
  code: string;
  name: string;
  kind: JournalKind;
  defaultAccountId: string | null;
}

export interface AnalyticDimension {
  id: string;
  kind: DimensionKind;
  code: string;
  name: string;
}

export interface FiscalPeriod {
  id: string;
  startsOn: string;
  endsOn: string;
  closedAt: string | null;
}

export interface FiscalYear {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  closingEntryId: string | null;
  periods: FiscalPeriod[];
}

export interface JournalLine {
  lineNo: number;
  accountId: string;
  description: string | null;
  debit: string;
  credit: string;
  debitInCompanyCurrency: string;
  creditInCompanyCurrency: string;
  counterpartyId: string | null;
  costCentreId: string | null;
  projectId: string | null;
  departmentId: string | null;
}

export interface JournalEntry {
  id: string;
  companyId: string;
  journalId: string;
  number: string | null;
  postingDate: string;
  status: EntryStatus;
  memo: string | null;
  currency: string;
  rate: string;
  lines: JournalLine[];
  reversesId: string | null;
  reversedById: string | null;
  postedAt: string | null;
}

export interface BalanceAmounts {
  openingDebit: string;
  openingCredit: string;
  periodDebit: string;
  periodCredit: string;
  closingDebit: string;
  closingCredit: string;
}

export interface TrialBalanceRow extends BalanceAmounts {
  accountId: string;
  code: string;
  name: string;
  type: AccountType;
  isGroup: boolean;
  parentId: string | null;
  /** 0 for a top-level account, one more per group above it. */
  level: number;
}

/** Amounts in the company currency; groups sum the accounts under them. */
export interface TrialBalance {
  companyId: string;
  currency: string;
  from: string;
  to: string;
  items: TrialBalanceRow[];
  totals: BalanceAmounts;
}

/** One GL row; debit, credit and balance in the company currency. */
export interface LedgerLine {
  id: string;
  entryId: string;
  entryNumber: string | null;
  lineNo: number;
  postingDate: string;
  accountId: string;
  description: string | null;
  memo: string | null;
  debit: string;
  credit: string;
  currency: string;
  debitInCurrency: string;
  creditInCurrency: string;
  counterpartyId: string | null;
  balance: string;
}

export interface GeneralLedger {
  companyId: string;
  accountId: string;
  currency: string;
  openingBalance: string;
  items: LedgerLine[];
  nextCursor: string | null;
}

/** `1010 — Cash`, how an account is named wherever one is picked or shown. */
export const accountLabel = (a: Pick<Account, 'code' | 'name'>) => `${a.code} — ${a.name}`;
