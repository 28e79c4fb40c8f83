import { Decimal } from 'decimal.js';
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { invalidField } from '../../../platform/http/problem.js';
import { companies } from '../../../platform/tenancy/schema.js';
import { counterparties } from '../../parties/schema.js';
import { companyBooks, currencyPrecision } from '../books.js';
import { glEntries, journalEntries } from '../schema.js';
import { settingsOf } from '../settings.js';
import { invoices, openItems, payments } from './schema.js';

export interface StatementQuery {
  companyId: string;
  counterpartyId: string;
  from: string;
  to: string;
}

/** What a movement of the statement is, from the entry that booked it. */
export type MovementKind =
  | 'customer_invoice'
  | 'customer_credit_note'
  | 'supplier_invoice'
  | 'supplier_credit_note'
  | 'payment_in'
  | 'payment_out'
  | 'exchange_difference'
  | 'cancellation'
  | 'journal_entry';

export interface Movement {
  date: string;
  kind: MovementKind;
  /** The invoice, payment or allocation that posted it; the entry itself for a manual entry. */
  documentId: string;
  /** The document's number, or the entry's when the document has none (exchange, manual). */
  number: string | null;
  entryId: string;
  entryNumber: string | null;
  description: string | null;
  currency: string;
  /** In the document currency, signed: positive raises what the counterparty owes. */
  amountInCurrency: string;
  debit: string;
  credit: string;
  /** Receivable minus payable after this movement, in the company currency. */
  balance: string;
}

interface EntryMovement {
  entryId: string;
  postingDate: string;
  entryNumber: string | null;
  memo: string | null;
  sourceType: string | null;
  sourceId: string | null;
  reversesId: string | null;
  currency: string;
  debit: string;
  credit: string;
  amountInCurrency: string;
}

/**
 * The accounts a counterparty's balance with the company is kept on: the receivable and payable
 * of the settings, and any other its open items were booked to (the settings may have changed).
 */
async function controlAccounts(tx: Executor, companyId: string, counterpartyId: string) {
  const settings = await settingsOf(tx, companyId);
  const booked = await tx
    .selectDistinct({ accountId: openItems.accountId })
    .from(openItems)
    .where(and(eq(openItems.companyId, companyId), eq(openItems.counterpartyId, counterpartyId)));
  return [
    ...new Set(
      [settings.receivableAccountId, settings.payableAccountId, ...booked.map((b) => b.accountId)].filter(
        (id): id is string => !!id,
      ),
    ),
  ];
}

async function partiesOf(tx: Executor, q: StatementQuery) {
  const company = await companyBooks(tx, q.companyId);
  const [details] = await tx
    .select({ legalName: companies.legalName, taxId: companies.taxId })
    .from(companies)
    .where(eq(companies.id, q.companyId));
  // Another workspace's counterparty is invisible under row-level security: it answers as unknown.
  const [counterparty] = await tx
    .select({ id: counterparties.id, legalName: counterparties.legalName, taxId: counterparties.taxId })
    .from(counterparties)
    .where(eq(counterparties.id, q.counterpartyId));
  if (!counterparty) throw invalidField('counterpartyId', `counterparty ${q.counterpartyId} does not exist`);
  return {
    company: { ...company, legalName: details.legalName ?? company.name, taxId: details.taxId },
    counterparty,
  };
}

/** Debit and credit per entry of the counterparty's rows on the accounts within the dates. */
function entryMovements(tx: Executor, q: StatementQuery, accountIds: string[]) {
  return tx
    .select({
      entryId: journalEntries.id,
      postingDate: journalEntries.postingDate,
      entryNumber: journalEntries.number,
      memo: journalEntries.memo,
      sourceType: journalEntries.sourceType,
      sourceId: journalEntries.sourceId,
      reversesId: journalEntries.reversesId,
      currency: glEntries.currency,
      debit: sql<string>`sum(${glEntries.debit})::text`,
      credit: sql<string>`sum(${glEntries.credit})::text`,
      amountInCurrency: sql<string>`sum(${glEntries.debitInCurrency} - ${glEntries.creditInCurrency})::text`,
    })
    .from(glEntries)
    .innerJoin(journalEntries, eq(journalEntries.id, glEntries.entryId))
    .where(
      and(
        eq(glEntries.companyId, q.companyId),
        eq(glEntries.counterpartyId, q.counterpartyId),
        inArray(glEntries.accountId, accountIds),
        gte(glEntries.postingDate, q.from),
        lte(glEntries.postingDate, q.to),
      ),
    )
    .groupBy(journalEntries.id, glEntries.currency)
    .orderBy(asc(journalEntries.postingDate), asc(journalEntries.postedAt), asc(journalEntries.id));
}

/** Each movement's kind and document number, from the invoices and payments that posted them. */
async function documentsOf(tx: Executor, rows: EntryMovement[]) {
  const ids = (type: string) =>
    rows.filter((r) => r.sourceType === type && r.sourceId).map((r) => r.sourceId as string);
  const invoiceIds = ids('invoice');
  const paymentIds = ids('payment');
  const invoiceRows = invoiceIds.length
    ? await tx
        .select({ id: invoices.id, kind: invoices.kind, number: invoices.number })
        .from(invoices)
        .where(inArray(invoices.id, invoiceIds))
    : [];
  const paymentRows = paymentIds.length
    ? await tx
        .select({ id: payments.id, direction: payments.direction, number: payments.number })
        .from(payments)
        .where(inArray(payments.id, paymentIds))
    : [];
  const documents = new Map<string, { kind: MovementKind; number: string | null }>([
    ...invoiceRows.map((i) => [i.id, { kind: i.kind as MovementKind, number: i.number }] as const),
    ...paymentRows.map(
      (p) => [p.id, { kind: `payment_${p.direction}` as MovementKind, number: p.number }] as const,
    ),
  ]);
  return (row: EntryMovement) => {
    const document = row.sourceId ? documents.get(row.sourceId) : undefined;
    const own: { kind: MovementKind; number: string | null } =
      document ??
      (row.sourceType === 'allocation'
        ? { kind: 'exchange_difference', number: row.entryNumber }
        : { kind: 'journal_entry', number: row.entryNumber });
    return {
      kind: row.reversesId ? ('cancellation' as const) : own.kind,
      documentId: row.sourceId ?? row.entryId,
      number: own.number,
    };
  };
}

/**
 * Adds each movement to the balance in order: opening + debits - credits. Pure: the running
 * balance of a statement is this and nothing else.
 */
export function runningBalances<T extends { debit: string; credit: string }>(
  opening: string,
  movements: T[],
  precision: number,
) {
  let balance = new Decimal(opening);
  return movements.map((m) => {
    balance = balance.plus(m.debit).minus(m.credit);
    return { ...m, balance: balance.toFixed(precision) };
  });
}

/**
 * A counterparty's statement of account with the company (a reconciliation act): the balance
 * before `from`, every posted movement from `from` to `to` in date order, and the balance at `to`,
 * in the company currency. A positive balance is owed to the company, a negative one by it.
 *
 * Everything comes from the counterparty's GL rows on the receivable and payable accounts, not
 * from the open items. The GL is what the balance sheet shows and what both parties reconcile;
 * the open items are not a history of it: a cancelled invoice keeps its amount and only closes
 * its items, an exchange difference moves the GL and not the item's amount, outstanding amounts
 * are today's (not those on `from`), and a balance brought in by a manual entry naming the
 * counterparty (an opening balance) has no item at all.
 */
export async function counterpartyStatement(tx: Executor, q: StatementQuery) {
  if (q.to < q.from) throw invalidField('to', `must not be before from (${q.from})`);
  const { company, counterparty } = await partiesOf(tx, q);
  const accountIds = await controlAccounts(tx, q.companyId, q.counterpartyId);
  const fixed = (v: string | Decimal | null | undefined) => new Decimal(v ?? 0).toFixed(company.precision);
  let opening = fixed('0');
  let rows: EntryMovement[] = [];
  if (accountIds.length) {
    const [before] = await tx
      .select({ net: sql<string | null>`sum(${glEntries.debit} - ${glEntries.credit})::text` })
      .from(glEntries)
      .where(
        and(
          eq(glEntries.companyId, q.companyId),
          eq(glEntries.counterpartyId, q.counterpartyId),
          inArray(glEntries.accountId, accountIds),
          lt(glEntries.postingDate, q.from),
        ),
      );
    opening = fixed(before.net);
    rows = await entryMovements(tx, q, accountIds);
  }
  const documentOf = await documentsOf(tx, rows);
  const places = new Map<string, number>();
  for (const currency of new Set(rows.map((r) => r.currency)))
    places.set(currency, await currencyPrecision(tx, currency, 'currency'));
  const movements: Movement[] = runningBalances(
    opening,
    rows.map((r) => ({
      date: r.postingDate,
      ...documentOf(r),
      entryId: r.entryId,
      entryNumber: r.entryNumber,
      description: r.memo,
      currency: r.currency,
      amountInCurrency: new Decimal(r.amountInCurrency).toFixed(places.get(r.currency)!),
      debit: fixed(r.debit),
      credit: fixed(r.credit),
    })),
    company.precision,
  );
  const total = (key: 'debit' | 'credit') =>
    fixed(movements.reduce((s, m) => s.plus(m[key]), new Decimal(0)));
  const totals = { debit: total('debit'), credit: total('credit') };
  return {
    companyId: company.id,
    company: { name: company.name, legalName: company.legalName, taxId: company.taxId },
    counterparty,
    from: q.from,
    to: q.to,
    currency: company.currency,
    openingBalance: opening,
    movements,
    totals,
    closingBalance: fixed(new Decimal(opening).plus(totals.debit).minus(totals.credit)),
  };
}

export type Statement = Awaited<ReturnType<typeof counterpartyStatement>>;
