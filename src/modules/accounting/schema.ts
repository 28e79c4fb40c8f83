import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, id, money, tenantId, updatedAt } from '../../platform/db/columns.js';
import { companies } from '../../platform/tenancy/schema.js';
import { counterparties } from '../parties/schema.js';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export const JOURNAL_KINDS = ['sales', 'purchases', 'bank', 'cash', 'general'] as const;
export const DIMENSION_KINDS = ['cost_centre', 'project', 'department'] as const;
export const ENTRY_STATUSES = ['draft', 'posted', 'cancelled'] as const;

/** A rate: units of the company currency for one unit of the document currency. */
const rate = (name: string) => numeric(name, { precision: 20, scale: 10 });

/**
 * The chart of accounts of one company: a tree. Only leaf accounts take postings; a group
 * account sums its children in reports.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** `asset`, `liability`, `equity`, `income` or `expense`. */
    type: text('type').notNull(),
    parentId: uuid('parent_id'),
    isGroup: boolean('is_group').notNull().default(false),
    /** When set, only entries in this currency post here (a USD bank account). */
    currency: text('currency'),
    /** Open items on it are matched (receivables, payables, bank). */
    reconcilable: boolean('reconcilable').notNull().default(false),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('accounts_code_key').on(t.tenantId, t.companyId, t.code),
    check('accounts_type_check', sql`${t.type} in ('asset', 'liability', 'equity', 'income', 'expense')`),
    foreignKey({ name: 'accounts_company_fkey', columns: [t.companyId], foreignColumns: [companies.id] }),
    foreignKey({ name: 'accounts_parent_id_fkey', columns: [t.parentId], foreignColumns: [t.id] }),
  ],
);

/** Cost centres, projects and departments: any GL line may name one of each. */
export const analyticDimensions = pgTable(
  'analytic_dimensions',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('analytic_dimensions_code_key').on(t.tenantId, t.companyId, t.kind, t.code),
    check('analytic_dimensions_kind_check', sql`${t.kind} in ('cost_centre', 'project', 'department')`),
    foreignKey({
      name: 'analytic_dimensions_company_fkey',
      columns: [t.companyId],
      foreignColumns: [companies.id],
    }),
  ],
);

/** Sales, purchases, bank, cash and general journals; each numbers its entries. */
export const journals = pgTable(
  'journals',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** The bank or cash account of a bank or cash journal. */
    defaultAccountId: uuid('default_account_id'),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('journals_code_key').on(t.tenantId, t.companyId, t.code),
    check('journals_kind_check', sql`${t.kind} in ('sales', 'purchases', 'bank', 'cash', 'general')`),
    foreignKey({ name: 'journals_company_fkey', columns: [t.companyId], foreignColumns: [companies.id] }),
    foreignKey({
      name: 'journals_default_account_id_fkey',
      columns: [t.defaultAccountId],
      foreignColumns: [accounts.id],
    }),
  ],
);

/**
 * The next number of a series (a journal's entries, a company's invoices) per year. Taken
 * under FOR UPDATE in the transaction that posts, so a posted number is never skipped: a
 * rolled-back posting gives its number back with everything else.
 */
export const numberingSeries = pgTable(
  'numbering_series',
  {
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    /** What is numbered: `journal:<id>`, `customer_invoice`, ... */
    key: text('key').notNull(),
    year: integer('year').notNull(),
    prefix: text('prefix').notNull(),
    nextNumber: integer('next_number').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'numbering_series_pkey', columns: [t.tenantId, t.companyId, t.key, t.year] }),
    foreignKey({
      name: 'numbering_series_company_fkey',
      columns: [t.companyId],
      foreignColumns: [companies.id],
    }),
  ],
);

/** A company's fiscal years; closing one moves income and expense to retained earnings. */
export const fiscalYears = pgTable(
  'fiscal_years',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The year-end closing entry, once the year is closed. */
    closingEntryId: uuid('closing_entry_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('fiscal_years_starts_on_key').on(t.tenantId, t.companyId, t.startsOn),
    check('fiscal_years_ends_on_check', sql`${t.endsOn} >= ${t.startsOn}`),
    foreignKey({ name: 'fiscal_years_company_fkey', columns: [t.companyId], foreignColumns: [companies.id] }),
  ],
);

/** Months of a fiscal year; a closed period refuses postings dated in it. */
export const fiscalPeriods = pgTable(
  'fiscal_periods',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    fiscalYearId: uuid('fiscal_year_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    unique('fiscal_periods_starts_on_key').on(t.tenantId, t.companyId, t.startsOn),
    check('fiscal_periods_ends_on_check', sql`${t.endsOn} >= ${t.startsOn}`),
    index('fiscal_periods_ends_on_idx').on(t.tenantId, t.companyId, t.endsOn),
    foreignKey({
      name: 'fiscal_periods_fiscal_year_fkey',
      columns: [t.fiscalYearId],
      foreignColumns: [fiscalYears.id],
    }),
  ],
);

/**
 * A journal entry: drafted, posted (numbered, written to the GL, never changed again) or
 * cancelled (by a reversing entry, which points back at it). Invoices and payments post
 * through entries too (`sourceType`, `sourceId`).
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    journalId: uuid('journal_id').notNull(),
    /** Set when posted, from the journal's series. */
    number: text('number'),
    postingDate: date('posting_date').notNull(),
    status: text('status').notNull().default('draft'),
    memo: text('memo'),
    /** The document currency of the lines; its rate to the company currency on the posting date. */
    currency: text('currency').notNull(),
    rate: rate('rate').notNull(),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    /** On a reversal: the entry it cancels. */
    reversesId: uuid('reverses_id'),
    /** On a cancelled entry: its reversal. */
    reversedById: uuid('reversed_by_id'),
    /** Posted into a closed period by someone allowed to: kept visible. */
    postedIntoClosedPeriod: boolean('posted_into_closed_period').notNull().default(false),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: uuid('posted_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('journal_entries_number_key').on(t.tenantId, t.companyId, t.number),
    check('journal_entries_status_check', sql`${t.status} in ('draft', 'posted', 'cancelled')`),
    check('journal_entries_rate_check', sql`${t.rate} > 0`),
    index('journal_entries_date_idx').on(t.tenantId, t.companyId, t.postingDate, t.id),
    index('journal_entries_source_idx').on(t.tenantId, t.sourceType, t.sourceId),
    foreignKey({
      name: 'journal_entries_company_fkey',
      columns: [t.companyId],
      foreignColumns: [companies.id],
    }),
    foreignKey({
      name: 'journal_entries_journal_id_fkey',
      columns: [t.journalId],
      foreignColumns: [journals.id],
    }),
  ],
);

/** The lines of an entry as drafted; editable only while the entry is a draft. */
export const journalLines = pgTable(
  'journal_lines',
  {
    id: id(),
    tenantId: tenantId(),
    entryId: uuid('entry_id').notNull(),
    lineNo: integer('line_no').notNull(),
    accountId: uuid('account_id').notNull(),
    description: text('description'),
    /** In the entry's currency. */
    debit: money('debit').notNull().default('0'),
    credit: money('credit').notNull().default('0'),
    /** In the company currency: the entry's rate applied, rounded, balanced by the posting. */
    debitInCompanyCurrency: money('debit_in_company_currency').notNull().default('0'),
    creditInCompanyCurrency: money('credit_in_company_currency').notNull().default('0'),
    counterpartyId: uuid('counterparty_id'),
    costCentreId: uuid('cost_centre_id'),
    projectId: uuid('project_id'),
    departmentId: uuid('department_id'),
  },
  (t) => [
    unique('journal_lines_line_no_key').on(t.entryId, t.lineNo),
    check(
      'journal_lines_amount_check',
      sql`${t.debit} >= 0 and ${t.credit} >= 0 and not (${t.debit} > 0 and ${t.credit} > 0)`,
    ),
    foreignKey({
      name: 'journal_lines_entry_id_fkey',
      columns: [t.entryId],
      foreignColumns: [journalEntries.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'journal_lines_account_id_fkey',
      columns: [t.accountId],
      foreignColumns: [accounts.id],
    }),
    foreignKey({
      name: 'journal_lines_counterparty_id_fkey',
      columns: [t.counterpartyId],
      foreignColumns: [counterparties.id],
    }),
    foreignKey({
      name: 'journal_lines_cost_centre_id_fkey',
      columns: [t.costCentreId],
      foreignColumns: [analyticDimensions.id],
    }),
    foreignKey({
      name: 'journal_lines_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [analyticDimensions.id],
    }),
    foreignKey({
      name: 'journal_lines_department_id_fkey',
      columns: [t.departmentId],
      foreignColumns: [analyticDimensions.id],
    }),
  ],
);

/**
 * The general ledger: one row per posted line, in the company currency with the document
 * currency amounts kept. Append-only, and every posting balances: the database checks both
 * (migration `accounting_ledger_rules`).
 */
export const glEntries = pgTable(
  'gl_entries',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    lineNo: integer('line_no').notNull(),
    accountId: uuid('account_id').notNull(),
    postingDate: date('posting_date').notNull(),
    debit: money('debit').notNull(),
    credit: money('credit').notNull(),
    currency: text('currency').notNull(),
    debitInCurrency: money('debit_in_currency').notNull(),
    creditInCurrency: money('credit_in_currency').notNull(),
    counterpartyId: uuid('counterparty_id'),
    costCentreId: uuid('cost_centre_id'),
    projectId: uuid('project_id'),
    departmentId: uuid('department_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('gl_entries_account_date_idx').on(t.tenantId, t.companyId, t.accountId, t.postingDate),
    index('gl_entries_entry_idx').on(t.entryId),
    index('gl_entries_counterparty_idx')
      .on(t.tenantId, t.counterpartyId, t.postingDate)
      .where(sql`${t.counterpartyId} is not null`),
    foreignKey({
      name: 'gl_entries_entry_id_fkey',
      columns: [t.entryId],
      foreignColumns: [journalEntries.id],
    }),
    foreignKey({ name: 'gl_entries_account_id_fkey', columns: [t.accountId], foreignColumns: [accounts.id] }),
  ],
);

/**
 * Debit and credit per account and month, kept by the database as GL rows arrive: a trial
 * balance for any months reads these instead of millions of GL rows (partial months at the
 * edges of a period read the daily balances).
 */
export const glMonthlyBalances = pgTable(
  'gl_monthly_balances',
  {
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The first day of the month. */
    month: date('month').notNull(),
    debit: money('debit').notNull().default('0'),
    credit: money('credit').notNull().default('0'),
  },
  (t) => [
    primaryKey({
      name: 'gl_monthly_balances_pkey',
      columns: [t.tenantId, t.companyId, t.accountId, t.month],
    }),
    index('gl_monthly_balances_month_idx').on(t.tenantId, t.companyId, t.month),
  ],
);

/**
 * Debit and credit per account and day, kept beside the monthly balances: the partial months
 * at the edges of a period read at most a month of days per account instead of GL rows.
 */
export const glDailyBalances = pgTable(
  'gl_daily_balances',
  {
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    accountId: uuid('account_id').notNull(),
    day: date('day').notNull(),
    debit: money('debit').notNull().default('0'),
    credit: money('credit').notNull().default('0'),
  },
  (t) => [
    primaryKey({ name: 'gl_daily_balances_pkey', columns: [t.tenantId, t.companyId, t.accountId, t.day] }),
    index('gl_daily_balances_day_idx').on(t.tenantId, t.companyId, t.day),
  ],
);

/** The company's accounting settings: the accounts postings need by default, tax rounding. */
export const accountingSettings = pgTable(
  'accounting_settings',
  {
    companyId: uuid('company_id').primaryKey(),
    tenantId: tenantId(),
    /** `per_line` (default) or `total`. */
    taxRounding: text('tax_rounding').notNull().default('per_line'),
    retainedEarningsAccountId: uuid('retained_earnings_account_id'),
    receivableAccountId: uuid('receivable_account_id'),
    payableAccountId: uuid('payable_account_id'),
    exchangeGainAccountId: uuid('exchange_gain_account_id'),
    exchangeLossAccountId: uuid('exchange_loss_account_id'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('accounting_settings_tax_rounding_check', sql`${t.taxRounding} in ('per_line', 'total')`),
    foreignKey({
      name: 'accounting_settings_company_fkey',
      columns: [t.companyId],
      foreignColumns: [companies.id],
    }),
  ],
);
