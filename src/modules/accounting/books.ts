import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import { currencies } from '../../platform/directories/schema.js';
import { conflict, invalidField, notFound } from '../../platform/http/problem.js';
import { companies, memberships } from '../../platform/tenancy/schema.js';
import { accounts, journalEntries, journalLines } from './schema.js';

export type AccountRow = typeof accounts.$inferSelect;
export type EntryRow = typeof journalEntries.$inferSelect;
export type LineRow = typeof journalLines.$inferSelect;

/** The company of a book and the currency its ledger is kept in, or a 422 naming `field`. */
export async function companyBooks(tx: Executor, companyId: string, field = 'companyId') {
  // One read with the currency's places: every posting starts here.
  const [company] = await tx
    .select({
      id: companies.id,
      name: companies.name,
      currency: companies.baseCurrency,
      precision: currencies.precision,
    })
    .from(companies)
    .leftJoin(currencies, eq(currencies.code, companies.baseCurrency))
    .where(eq(companies.id, companyId));
  if (!company) throw invalidField(field, `company ${companyId} does not exist`);
  if (company.precision == null) throw invalidField(field, `${company.currency} is not in the currency list`);
  return { ...company, precision: company.precision };
}

/** Decimal places of a currency of the currency list, or a 422 naming `field`. */
export async function currencyPrecision(tx: Executor, code: string, field: string) {
  const [currency] = await tx
    .select({ precision: currencies.precision })
    .from(currencies)
    .where(eq(currencies.code, code));
  if (!currency) throw invalidField(field, `${code} is not in the currency list`);
  return currency.precision;
}

/** A company of the path (`/companies/:id/...`): 404 when it is not one of the workspace's. */
export async function companyOfPath(tx: Executor, companyId: string) {
  const [company] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId));
  if (!company) throw notFound('Company', companyId);
  return companyBooks(tx, companyId);
}

export async function lockAccount(tx: Tx, id: string) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
  if (!account) throw notFound('Account', id);
  return account;
}

/** An entry with its lines in order, the entry locked when `lock` is set; 404 when missing. */
export async function loadEntry(tx: Executor, id: string, lock = false) {
  const query = tx.select().from(journalEntries).where(eq(journalEntries.id, id));
  const [entry] = lock ? await (query as any).for('update') : await query;
  if (!entry) throw notFound('Journal entry', id);
  const lines = await tx
    .select()
    .from(journalLines)
    .where(eq(journalLines.entryId, id))
    .orderBy(asc(journalLines.lineNo));
  return { entry: entry as EntryRow, lines };
}

/** The entry as the API shows it: its lines without their internal ids. */
export function entryView(entry: EntryRow, lines: LineRow[]) {
  return {
    ...entry,
    lines: lines.map(({ id: _id, tenantId: _t, entryId: _e, ...line }) => line),
  };
}

export async function entriesWithLines(tx: Executor, entries: EntryRow[]) {
  if (entries.length === 0) return [];
  const lines = await tx
    .select()
    .from(journalLines)
    .where(
      inArray(
        journalLines.entryId,
        entries.map((e) => e.id),
      ),
    )
    .orderBy(asc(journalLines.entryId), asc(journalLines.lineNo));
  return entries.map((e) =>
    entryView(
      e,
      lines.filter((l) => l.entryId === e.id),
    ),
  );
}

/** Posted and cancelled entries are facts: the answer names the entry and what to do instead. */
export function assertDraft(entry: EntryRow, doing: string) {
  if (entry.status === 'draft') return;
  const name = entry.number ?? entry.id;
  throw conflict(
    `Journal entry ${name} is ${entry.status}; it cannot be ${doing}.${entry.status === 'posted' ? ' Cancel it instead: that posts a reversal.' : ''}`,
    [{ field: 'id', reason: `entry ${name} is ${entry.status}` }],
  );
}

/** The accounts of one company, for checks and trees; a chart has hundreds, not millions. */
export function companyAccounts(tx: Executor, companyId: string) {
  return tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.companyId, companyId)))
    .orderBy(asc(accounts.code));
}

/**
 * Who drafts or posts: the person acting, or for the system (seeds, jobs) the workspace's first
 * member, since an entry always names a person.
 */
export async function actingUserId(tx: Executor, actor: { userId: string | null }) {
  if (actor.userId) return actor.userId;
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return member.userId;
}
