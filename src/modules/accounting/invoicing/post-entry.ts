import { Decimal } from 'decimal.js';
import { asc, eq } from 'drizzle-orm';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { newId } from '../../../platform/db/columns.js';
import { actingUserId, currencyPrecision, type EntryRow, loadEntry } from '../books.js';
import { checkedLines, type KnownRows } from '../entry-lines.js';
import { type NumberedDocument, writePosting } from '../posting.js';
import { absorbDifference } from '../rules/absorb-difference.js';
import { reverseLines } from '../rules/journal-balance.js';
import { journalEntries, journalLines } from '../schema.js';

/** A line of a document's entry: a signed amount in the entry currency, positive for a debit. */
export interface DocumentLine {
  accountId: string;
  /** Debit when positive, credit when negative; a zero line is left out. */
  amount: Decimal;
  description?: string | null;
  counterpartyId?: string | null;
  costCentreId?: string | null;
  projectId?: string | null;
  departmentId?: string | null;
  /**
   * The line's company-currency amount (signed like `amount`) when the document fixes it: the
   * receivable or payable line must equal the open items it opens, to the unit.
   */
  amountInCompanyCurrency?: Decimal;
}

export interface DocumentEntry {
  companyId: string;
  journalId: string;
  postingDate: string;
  currency: string;
  rate: string;
  companyPrecision: number;
  memo: string;
  sourceType: string;
  sourceId: string;
  lines: DocumentLine[];
  /** Places of the document currency, when the caller has them already. */
  precision?: number;
  /** The document numbered with the entry; then the entry's memo ends with its number. */
  document?: NumberedDocument;
  /** Accounts and counterparties the document read already in this transaction. */
  known?: KnownRows;
}

const ROUND = Decimal.ROUND_HALF_UP;

/**
 * Company-currency amounts of the lines: each converted and rounded, and what rounding leaves
 * unbalanced put on the largest line whose amount the document does not fix.
 */
function inCompanyCurrency(lines: DocumentLine[], rate: string, precision: number) {
  const converted = lines.map(
    (l) => l.amountInCompanyCurrency ?? l.amount.times(rate).toDecimalPlaces(precision, ROUND),
  );
  return absorbDifference(
    converted,
    lines.map((l) => !l.amountInCompanyCurrency),
  );
}

/**
 * Posts the journal entry of a document (invoice, payment, allocation): drafts the entry and its
 * lines in the document's journal, checks the lines against the books, and writes it to the GL
 * with the books' own posting (gapless number, open period, balance).
 */
export async function postDocumentEntry(ctx: ActionContext, doc: DocumentEntry) {
  const precision = doc.precision ?? (await currencyPrecision(ctx.tx, doc.currency, 'currency'));
  const lines = doc.lines.filter((l) => !l.amount.isZero());
  const amounts = inCompanyCurrency(lines, doc.rate, doc.companyPrecision);
  const facts = { ...doc, precision };
  const checked = await checkedLines(
    ctx.tx,
    facts,
    lines.map((l) => ({
      accountId: l.accountId,
      description: l.description ?? null,
      debit: l.amount.greaterThan(0) ? l.amount.toFixed(precision) : '0',
      credit: l.amount.lessThan(0) ? l.amount.negated().toFixed(precision) : '0',
      counterpartyId: l.counterpartyId ?? null,
      costCentreId: l.costCentreId ?? null,
      projectId: l.projectId ?? null,
      departmentId: l.departmentId ?? null,
    })),
    'entry.lines',
    doc.known,
  );
  const zero = (0).toFixed(doc.companyPrecision);
  const stored = checked.map((line, i) => ({
    ...line,
    debitInCompanyCurrency: amounts[i].greaterThan(0) ? amounts[i].toFixed(doc.companyPrecision) : zero,
    creditInCompanyCurrency: amounts[i].lessThan(0)
      ? amounts[i].negated().toFixed(doc.companyPrecision)
      : zero,
  }));
  // The entry and its lines in one statement: its id is made here, so the lines can name it.
  const entryId = newId();
  const entryRow = ctx.tx.$with('entry').as(
    ctx.tx
      .insert(journalEntries)
      .values({
        id: entryId,
        tenantId: ctx.tenantId,
        companyId: doc.companyId,
        journalId: doc.journalId,
        postingDate: doc.postingDate,
        memo: doc.memo,
        currency: doc.currency,
        rate: doc.rate,
        sourceType: doc.sourceType,
        sourceId: doc.sourceId,
        createdBy: await actingUserId(ctx.tx, ctx.actor),
      })
      .returning(),
  );
  const lineRows = ctx.tx.$with('lines').as(
    ctx.tx
      .insert(journalLines)
      .values(stored.map((l) => ({ ...l, tenantId: ctx.tenantId, entryId })))
      .returning({ id: journalLines.id }),
  );
  const [entry] = await ctx.tx.with(entryRow, lineRows).select().from(entryRow);
  return writePosting(ctx, entry, stored, { linesStored: true, document: doc.document });
}

/**
 * Cancels a posted entry with its reversal on the same date, in the same journal: every debit
 * becomes a credit. The reversal names the entry it cancels, and the entry its reversal.
 */
export async function reverseDocumentEntry(
  ctx: ActionContext,
  entryId: string,
  source: { sourceType: string; sourceId: string; memo: string },
): Promise<EntryRow> {
  const { entry, lines } = await loadEntry(ctx.tx, entryId, true);
  const [reversal] = await ctx.tx
    .insert(journalEntries)
    .values({
      tenantId: ctx.tenantId,
      companyId: entry.companyId,
      journalId: entry.journalId,
      postingDate: entry.postingDate,
      memo: source.memo,
      currency: entry.currency,
      rate: entry.rate,
      sourceType: source.sourceType,
      sourceId: source.sourceId,
      reversesId: entry.id,
      createdBy: await actingUserId(ctx.tx, ctx.actor),
    })
    .returning();
  const reversed = lines.map(({ id: _id, tenantId: _t, entryId: _e, ...line }) => {
    const [swapped] = reverseLines([line]);
    return {
      ...swapped,
      debitInCompanyCurrency: line.creditInCompanyCurrency,
      creditInCompanyCurrency: line.debitInCompanyCurrency,
    };
  });
  await ctx.tx
    .insert(journalLines)
    .values(reversed.map((l) => ({ ...l, tenantId: ctx.tenantId, entryId: reversal.id })));
  const posted = await writePosting(ctx, reversal, reversed, { linesStored: true });
  await ctx.tx
    .update(journalEntries)
    .set({ status: 'cancelled', reversedById: reversal.id, updatedAt: new Date() })
    .where(eq(journalEntries.id, entry.id));
  return posted;
}

/** The entries a document posted, in order: for views and tests. */
export function entriesOfSource(ctx: Pick<ActionContext, 'tx'>, sourceId: string) {
  return ctx.tx
    .select()
    .from(journalEntries)
    .where(eq(journalEntries.sourceId, sourceId))
    .orderBy(asc(journalEntries.createdAt));
}
