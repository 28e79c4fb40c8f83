import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Static } from 'typebox';
import { createdAt, id, money, tenantId, updatedAt } from '../../../platform/db/columns.js';
import { companies } from '../../../platform/tenancy/schema.js';
import { counterparties } from '../../parties/schema.js';
import { payments } from '../invoicing/schema.js';
import { journals } from '../schema.js';
import type { CsvMapping as CsvMappingSchema } from './schemas.js';

export const STATEMENT_FORMATS = ['csv', 'camt053'] as const;
export const LINE_STATUSES = ['open', 'confirmed', 'ignored'] as const;

/** How a bank's CSV export is read: columns are counted from 0. */
export type CsvMapping = Static<typeof CsvMappingSchema>;

/** A bank journal's import settings: the CSV mapping its bank's exports need, saved once and reused. */
export const bankImportMappings = pgTable(
  'bank_import_mappings',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    journalId: uuid('journal_id').notNull(),
    csvMapping: jsonb('csv_mapping').$type<CsvMapping>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('bank_import_mappings_journal_key').on(t.tenantId, t.journalId),
    foreignKey({
      name: 'bank_import_mappings_journal_id_fkey',
      columns: [t.journalId],
      foreignColumns: [journals.id],
    }),
  ],
);

/** One imported bank statement of a bank journal: where its lines came from and its balances. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    journalId: uuid('journal_id').notNull(),
    /** `csv` or `camt053`. */
    format: text('format').notNull(),
    /** The bank's statement id (camt Stmt/Id). */
    statementRef: text('statement_ref'),
    fileName: text('file_name'),
    accountIban: text('account_iban'),
    currency: text('currency').notNull(),
    openingBalance: money('opening_balance'),
    closingBalance: money('closing_balance'),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    /** Lines of the file already imported before: left out and counted here. */
    duplicateCount: integer('duplicate_count').notNull().default(0),
    importedBy: uuid('imported_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('bank_statements_format_check', sql`${t.format} in ('csv', 'camt053')`),
    index('bank_statements_journal_idx').on(t.tenantId, t.companyId, t.journalId, t.createdAt),
    foreignKey({
      name: 'bank_statements_company_fkey',
      columns: [t.companyId],
      foreignColumns: [companies.id],
    }),
    foreignKey({
      name: 'bank_statements_journal_id_fkey',
      columns: [t.journalId],
      foreignColumns: [journals.id],
    }),
  ],
);

/**
 * A movement on the bank account: signed (money in positive). Open until a person confirms it
 * (a payment is posted for it) or ignores it (bank fees booked otherwise).
 */
export const bankStatementLines = pgTable(
  'bank_statement_lines',
  {
    id: id(),
    tenantId: tenantId(),
    companyId: uuid('company_id').notNull(),
    statementId: uuid('statement_id').notNull(),
    journalId: uuid('journal_id').notNull(),
    lineNo: integer('line_no').notNull(),
    bookingDate: date('booking_date').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    /** The remittance text the payer wrote (or the reference column of a CSV). */
    reference: text('reference'),
    /** The bank's own id of the movement (camt AcctSvcrRef). */
    bankReference: text('bank_reference'),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    /** Date, amount, references and counterparty account hashed: the same movement imported twice is refused. */
    dedupeHash: text('dedupe_hash').notNull(),
    /** `open`, `confirmed` or `ignored`. */
    status: text('status').notNull().default('open'),
    counterpartyId: uuid('counterparty_id'),
    paymentId: uuid('payment_id'),
    note: text('note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    unique('bank_statement_lines_dedupe_key').on(t.tenantId, t.journalId, t.dedupeHash),
    unique('bank_statement_lines_line_no_key').on(t.statementId, t.lineNo),
    check('bank_statement_lines_status_check', sql`${t.status} in ('open', 'confirmed', 'ignored')`),
    check('bank_statement_lines_amount_check', sql`${t.amount} <> 0`),
    check(
      'bank_statement_lines_payment_check',
      sql`(${t.status} = 'confirmed') = (${t.paymentId} is not null)`,
    ),
    index('bank_statement_lines_payment_idx').on(t.paymentId),
    foreignKey({
      name: 'bank_statement_lines_statement_id_fkey',
      columns: [t.statementId],
      foreignColumns: [bankStatements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'bank_statement_lines_payment_id_fkey',
      columns: [t.paymentId],
      foreignColumns: [payments.id],
    }),
    foreignKey({
      name: 'bank_statement_lines_counterparty_id_fkey',
      columns: [t.counterpartyId],
      foreignColumns: [counterparties.id],
    }),
  ],
);
