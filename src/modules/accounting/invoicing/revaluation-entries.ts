import { Decimal } from 'decimal.js';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { companyBooks } from '../books.js';
import { journalEntries, journalLines } from '../schema.js';

/**
 * A revaluation has no table of its own: it is the entry it posted on its date (source type
 * `revaluation`) and the entry that reversed it the next day (`revaluation_reversal`), both
 * naming the revaluation's id as their source. Cancelling reverses both; the reversals point at
 * them with `reverses_id`, so neither counts as a revaluation itself.
 */
export const REVALUATION = 'revaluation';
export const REVALUATION_REVERSAL = 'revaluation_reversal';

type EntryRow = typeof journalEntries.$inferSelect;

async function viewsOf(tx: Executor, entries: EntryRow[], precision: number) {
  if (!entries.length) return [];
  const ids = entries.map((e) => e.sourceId!);
  const reversals = await tx
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.sourceType, REVALUATION_REVERSAL),
        inArray(journalEntries.sourceId, ids),
        isNull(journalEntries.reversesId),
      ),
    );
  // Lines without a counterparty are the exchange gain (credits) and loss (debits).
  const lines = await tx
    .select()
    .from(journalLines)
    .where(
      and(
        inArray(
          journalLines.entryId,
          entries.map((e) => e.id),
        ),
        isNull(journalLines.counterpartyId),
      ),
    );
  return entries.map((entry) => {
    const reversal = reversals.find((r) => r.sourceId === entry.sourceId);
    const own = lines.filter((l) => l.entryId === entry.id);
    const sum = (key: 'debitInCompanyCurrency' | 'creditInCompanyCurrency') =>
      own.reduce((s, l) => s.plus(l[key]), new Decimal(0)).toFixed(precision);
    return {
      id: entry.sourceId!,
      companyId: entry.companyId,
      date: entry.postingDate,
      status: entry.status === 'cancelled' ? 'cancelled' : 'posted',
      memo: entry.memo,
      currency: entry.currency,
      gain: sum('creditInCompanyCurrency'),
      loss: sum('debitInCompanyCurrency'),
      entryId: entry.id,
      entryNumber: entry.number,
      reversalEntryId: reversal?.id ?? null,
      reversalEntryNumber: reversal?.number ?? null,
      reversalDate: reversal?.postingDate ?? null,
      postedAt: entry.postedAt,
      postedBy: entry.postedBy,
    };
  });
}

const isRevaluation = and(eq(journalEntries.sourceType, REVALUATION), isNull(journalEntries.reversesId));

/** The company's revaluations, newest date first; cancelled ones too, marked. */
export async function revaluationsOf(tx: Executor, companyId: string) {
  const entries = await tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.companyId, companyId), isRevaluation))
    .orderBy(desc(journalEntries.postingDate), asc(journalEntries.createdAt));
  return viewsOf(tx, entries, (await companyBooks(tx, companyId)).precision);
}

/** The entry a revaluation posted on its date, or a 404. */
export async function revaluationEntry(tx: Executor, id: string) {
  const [entry] = await tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.sourceId, id), isRevaluation));
  if (!entry) throw notFound('Revaluation', id);
  return entry;
}

export async function revaluationView(tx: Executor, id: string) {
  const entry = await revaluationEntry(tx, id);
  const [view] = await viewsOf(tx, [entry], (await companyBooks(tx, entry.companyId)).precision);
  return view;
}

/** A revaluation of the company on the date that stands (not cancelled), if any. */
export async function liveRevaluationOn(tx: Executor, companyId: string, date: string) {
  const [entry] = await tx
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.companyId, companyId),
        eq(journalEntries.postingDate, date),
        eq(journalEntries.status, 'posted'),
        isRevaluation,
      ),
    )
    .limit(1);
  return entry;
}
