import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  archivedAt,
  createdAt,
  id,
  money,
  quantity,
  tenantId,
  updatedAt,
} from '../../../platform/db/columns.js';
import { companies } from '../../../platform/tenancy/schema.js';
import { clients, counterparties } from '../../parties/schema.js';
import { accounts, analyticDimensions, journalEntries, journals } from '../schema.js';

const rate = (name: string) => numeric(name, { precision: 20, scale: 10 });

export const INVOICE_KINDS = [
  'customer_invoice',
  'customer_credit_note',
  'supplier_invoice',
  'supplier_credit_note',
] as const;

/**
 * A tax: a percent on the net, or included in the price, optionally compound (on the net plus
 * the taxes listed before it). Sales post it to the payable account, purchases to the
 * receivable one.
 */
export const taxes = pgTable(
  'taxes',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    name: text('name').notNull(),
    ratePercent: numeric('rate_percent', { precision: 9, scale: 4 }).notNull(),
    /** `on_net` or `included`. */
    kind: text('kind').notNull().default('on_net'),
    compound: boolean('compound').notNull().default(false),
    salesAccountId: uuid('sales_account_id').notNull(),
    purchaseAccountId: uuid('purchase_account_id').notNull(),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('taxes_name_key').on(t.tenantId, t.companyId, t.name),
    check('taxes_rate_percent_check', sql`${t.ratePercent} >= 0 and ${t.ratePercent} <= 100`),
    check('taxes_kind_check', sql`${t.kind} in ('on_net', 'included')`),
    foreignKey({ name: 'taxes_company_fkey', columns: [t.companyId], foreignColumns: [companies.id] }),
    foreignKey({
      name: 'taxes_sales_account_id_fkey',
      columns: [t.salesAccountId],
      foreignColumns: [accounts.id],
    }),
    foreignKey({
      name: 'taxes_purchase_account_id_fkey',
      columns: [t.purchaseAccountId],
      foreignColumns: [accounts.id],
    }),
  ],
);

/** Instalments as percents of the total due some days after the invoice date: [{percent, days}]. */
export const paymentTerms = pgTable(
  'payment_terms',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    name: text('name').notNull(),
    instalments: jsonb('instalments').$type<{ percent: string; days: number }[]>().notNull(),
    createdAt: createdAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    unique('payment_terms_name_key').on(t.tenantId, t.companyId, t.name),
    foreignKey({
      name: 'payment_terms_company_fkey',
      columns: [t.companyId],
      foreignColumns: [companies.id],
    }),
  ],
);

/**
 * Customer and supplier invoices and credit notes. Amounts are in the document currency at
 * the rate of the invoice date; posting numbers it without gaps, writes its open items and
 * its journal entry, and freezes it.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number'),
    status: text('status').notNull().default('draft'),
    counterpartyId: uuid('counterparty_id').notNull(),
    /** The client the counterparty signed for on the invoice date: reporting is by client. */
    clientId: uuid('client_id'),
    /** Attribution carried from the client or deal. */
    sourceId: uuid('source_id'),
    invoiceDate: date('invoice_date').notNull(),
    currency: text('currency').notNull(),
    rate: rate('rate').notNull(),
    paymentTermsId: uuid('payment_terms_id'),
    /** The company's tax rounding when the invoice was drafted: `per_line` or `total`. */
    taxRounding: text('tax_rounding').notNull().default('per_line'),
    netTotal: money('net_total').notNull().default('0'),
    taxTotal: money('tax_total').notNull().default('0'),
    grossTotal: money('gross_total').notNull().default('0'),
    grossInCompanyCurrency: money('gross_in_company_currency').notNull().default('0'),
    /** A credit note: the invoice it corrects. */
    creditsInvoiceId: uuid('credits_invoice_id'),
    journalEntryId: uuid('journal_entry_id'),
    memo: text('memo'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: uuid('posted_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('invoices_number_key').on(t.tenantId, t.companyId, t.kind, t.number),
    check(
      'invoices_kind_check',
      sql`${t.kind} in ('customer_invoice', 'customer_credit_note', 'supplier_invoice', 'supplier_credit_note')`,
    ),
    check('invoices_status_check', sql`${t.status} in ('draft', 'posted', 'cancelled')`),
    check('invoices_rate_check', sql`${t.rate} > 0`),
    index('invoices_counterparty_idx').on(t.tenantId, t.counterpartyId, t.invoiceDate),
    index('invoices_date_idx').on(t.tenantId, t.companyId, t.invoiceDate, t.id),
    foreignKey({ name: 'invoices_company_fkey', columns: [t.companyId], foreignColumns: [companies.id] }),
    foreignKey({
      name: 'invoices_counterparty_id_fkey',
      columns: [t.counterpartyId],
      foreignColumns: [counterparties.id],
    }),
    foreignKey({ name: 'invoices_client_id_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
    foreignKey({
      name: 'invoices_payment_terms_id_fkey',
      columns: [t.paymentTermsId],
      foreignColumns: [paymentTerms.id],
    }),
    foreignKey({
      name: 'invoices_journal_entry_id_fkey',
      columns: [t.journalEntryId],
      foreignColumns: [journalEntries.id],
    }),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: id(),
    tenantId: tenantId(),
    invoiceId: uuid('invoice_id').notNull(),
    lineNo: integer('line_no').notNull(),
    description: text('description').notNull(),
    /** Income for a customer invoice, expense (or stock) for a supplier's. */
    accountId: uuid('account_id').notNull(),
    quantity: quantity('quantity').notNull(),
    unitPrice: money('unit_price').notNull(),
    discountPercent: numeric('discount_percent', { precision: 9, scale: 4 }).notNull().default('0'),
    taxIds: uuid('tax_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Computed when drafted: the line's net and its taxes, in the document currency. */
    net: money('net').notNull().default('0'),
    tax: money('tax').notNull().default('0'),
    costCentreId: uuid('cost_centre_id'),
    projectId: uuid('project_id'),
    departmentId: uuid('department_id'),
  },
  (t) => [
    unique('invoice_lines_line_no_key').on(t.invoiceId, t.lineNo),
    check(
      'invoice_lines_discount_percent_check',
      sql`${t.discountPercent} >= 0 and ${t.discountPercent} <= 100`,
    ),
    foreignKey({
      name: 'invoice_lines_invoice_id_fkey',
      columns: [t.invoiceId],
      foreignColumns: [invoices.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'invoice_lines_account_id_fkey',
      columns: [t.accountId],
      foreignColumns: [accounts.id],
    }),
    foreignKey({
      name: 'invoice_lines_cost_centre_id_fkey',
      columns: [t.costCentreId],
      foreignColumns: [analyticDimensions.id],
    }),
    foreignKey({
      name: 'invoice_lines_project_id_fkey',
      columns: [t.projectId],
      foreignColumns: [analyticDimensions.id],
    }),
    foreignKey({
      name: 'invoice_lines_department_id_fkey',
      columns: [t.departmentId],
      foreignColumns: [analyticDimensions.id],
    }),
  ],
);

/**
 * What a counterparty owes us or we owe it: one row per instalment of a posted invoice (and
 * per unallocated payment, an advance). `amount` is signed: positive raises what is owed
 * (an invoice), negative lowers it (a credit note, an advance). `outstanding` is derived:
 * updated with the allocations, in their transaction, under FOR UPDATE.
 */
export const openItems = pgTable(
  'open_items',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    /** `receivable` or `payable`. */
    side: text('side').notNull(),
    counterpartyId: uuid('counterparty_id').notNull(),
    accountId: uuid('account_id').notNull(),
    invoiceId: uuid('invoice_id'),
    paymentId: uuid('payment_id'),
    instalment: integer('instalment').notNull().default(1),
    documentDate: date('document_date').notNull(),
    dueDate: date('due_date').notNull(),
    currency: text('currency').notNull(),
    rate: rate('rate').notNull(),
    amount: money('amount').notNull(),
    amountInCompanyCurrency: money('amount_in_company_currency').notNull(),
    outstanding: money('outstanding').notNull(),
    outstandingInCompanyCurrency: money('outstanding_in_company_currency').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('open_items_side_check', sql`${t.side} in ('receivable', 'payable')`),
    check(
      'open_items_outstanding_check',
      sql`(${t.amount} >= 0 and ${t.outstanding} between 0 and ${t.amount}) or (${t.amount} < 0 and ${t.outstanding} between ${t.amount} and 0)`,
    ),
    index('open_items_counterparty_idx').on(t.tenantId, t.companyId, t.counterpartyId, t.dueDate),
    index('open_items_open_idx')
      .on(t.tenantId, t.companyId, t.side, t.dueDate)
      .where(sql`${t.outstanding} <> 0`),
    foreignKey({
      name: 'open_items_counterparty_id_fkey',
      columns: [t.counterpartyId],
      foreignColumns: [counterparties.id],
    }),
    foreignKey({ name: 'open_items_invoice_id_fkey', columns: [t.invoiceId], foreignColumns: [invoices.id] }),
    foreignKey({ name: 'open_items_account_id_fkey', columns: [t.accountId], foreignColumns: [accounts.id] }),
  ],
);

/** Money in (from customers) and out (to suppliers), through a bank or cash journal. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    /** `in` or `out`. */
    direction: text('direction').notNull(),
    number: text('number'),
    status: text('status').notNull().default('draft'),
    counterpartyId: uuid('counterparty_id').notNull(),
    journalId: uuid('journal_id').notNull(),
    paymentDate: date('payment_date').notNull(),
    currency: text('currency').notNull(),
    rate: rate('rate').notNull(),
    amount: money('amount').notNull(),
    amountInCompanyCurrency: money('amount_in_company_currency').notNull().default('0'),
    reference: text('reference'),
    /** A refund pays back a customer's credit (or a supplier pays ours back). */
    isRefund: boolean('is_refund').notNull().default(false),
    journalEntryId: uuid('journal_entry_id'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postedBy: uuid('posted_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('payments_number_key').on(t.tenantId, t.companyId, t.direction, t.number),
    check('payments_direction_check', sql`${t.direction} in ('in', 'out')`),
    check('payments_status_check', sql`${t.status} in ('draft', 'posted', 'cancelled')`),
    check('payments_amount_check', sql`${t.amount} > 0`),
    check('payments_rate_check', sql`${t.rate} > 0`),
    index('payments_counterparty_idx').on(t.tenantId, t.counterpartyId, t.paymentDate),
    foreignKey({ name: 'payments_company_fkey', columns: [t.companyId], foreignColumns: [companies.id] }),
    foreignKey({
      name: 'payments_counterparty_id_fkey',
      columns: [t.counterpartyId],
      foreignColumns: [counterparties.id],
    }),
    foreignKey({ name: 'payments_journal_id_fkey', columns: [t.journalId], foreignColumns: [journals.id] }),
    foreignKey({
      name: 'payments_journal_entry_id_fkey',
      columns: [t.journalEntryId],
      foreignColumns: [journalEntries.id],
    }),
  ],
);

/**
 * A payment (or a credit note's open item) settling part of an open item. A ledger: rows are
 * never changed; undoing an allocation adds a row with the opposite amount that names the
 * one it undoes, and reverses its exchange journal.
 */
export const allocations = pgTable(
  'allocations',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    /** The item settled. */
    openItemId: uuid('open_item_id').notNull(),
    /** What settles it: a payment's or a credit note's open item. */
    settledById: uuid('settled_by_id').notNull(),
    paymentId: uuid('payment_id'),
    allocatedOn: date('allocated_on').notNull(),
    /** In the open item's currency; negative on an undoing row. */
    amount: money('amount').notNull(),
    /** The same amount at the item's rate and at the settling document's rate: their difference is the exchange result. */
    amountAtItemRate: money('amount_at_item_rate').notNull(),
    amountAtSettlingRate: money('amount_at_settling_rate').notNull(),
    exchangeEntryId: uuid('exchange_entry_id'),
    undoesId: uuid('undoes_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('allocations_undoes_id_key').on(t.undoesId),
    index('allocations_open_item_idx').on(t.openItemId),
    index('allocations_settled_by_idx').on(t.settledById),
    foreignKey({
      name: 'allocations_open_item_id_fkey',
      columns: [t.openItemId],
      foreignColumns: [openItems.id],
    }),
    foreignKey({
      name: 'allocations_settled_by_id_fkey',
      columns: [t.settledById],
      foreignColumns: [openItems.id],
    }),
    foreignKey({
      name: 'allocations_payment_id_fkey',
      columns: [t.paymentId],
      foreignColumns: [payments.id],
    }),
    foreignKey({
      name: 'allocations_exchange_entry_id_fkey',
      columns: [t.exchangeEntryId],
      foreignColumns: [journalEntries.id],
    }),
    foreignKey({ name: 'allocations_undoes_id_fkey', columns: [t.undoesId], foreignColumns: [t.id] }),
  ],
);
