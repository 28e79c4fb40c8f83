import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { payments } from '../invoicing/schema.js';
import { bankStatementLines, bankStatements } from './schema.js';

/** A confirmed line whose payment was cancelled elsewhere is open again: its money is unexplained. */
const paymentCancelled = sql<boolean>`(${bankStatementLines.status} = 'confirmed' and ${payments.status} = 'cancelled')`;
const effectiveStatus = sql<string>`case when ${paymentCancelled} then 'open' else ${bankStatementLines.status} end`;

const lineColumns = {
  id: bankStatementLines.id,
  statementId: bankStatementLines.statementId,
  lineNo: bankStatementLines.lineNo,
  bookingDate: bankStatementLines.bookingDate,
  amount: bankStatementLines.amount,
  currency: bankStatementLines.currency,
  reference: bankStatementLines.reference,
  bankReference: bankStatementLines.bankReference,
  counterpartyName: bankStatementLines.counterpartyName,
  counterpartyIban: bankStatementLines.counterpartyIban,
  status: effectiveStatus,
  counterpartyId: bankStatementLines.counterpartyId,
  paymentId: sql<
    string | null
  >`case when ${paymentCancelled} then null else ${bankStatementLines.paymentId} end`,
  paymentNumber: sql<string | null>`case when ${paymentCancelled} then null else ${payments.number} end`,
  cancelledPaymentId: sql<
    string | null
  >`case when ${paymentCancelled} then ${bankStatementLines.paymentId} end`,
  note: bankStatementLines.note,
  resolvedAt: bankStatementLines.resolvedAt,
  resolvedBy: bankStatementLines.resolvedBy,
};

export async function linesOf(tx: Executor, statementId: string) {
  return tx
    .select(lineColumns)
    .from(bankStatementLines)
    .leftJoin(payments, eq(payments.id, bankStatementLines.paymentId))
    .where(eq(bankStatementLines.statementId, statementId))
    .orderBy(asc(bankStatementLines.lineNo));
}

export async function lineView(tx: Executor, id: string) {
  const [line] = await tx
    .select(lineColumns)
    .from(bankStatementLines)
    .leftJoin(payments, eq(payments.id, bankStatementLines.paymentId))
    .where(eq(bankStatementLines.id, id));
  if (!line) throw notFound('Bank statement line', id);
  return line;
}

/** Lines open, confirmed and ignored, per statement. */
export async function progressOf(tx: Executor, statementIds: string[]) {
  const empty = { open: 0, confirmed: 0, ignored: 0 };
  const progress = new Map(statementIds.map((id) => [id, { ...empty }]));
  if (statementIds.length === 0) return progress;
  const rows = await tx
    .select({
      statementId: bankStatementLines.statementId,
      status: effectiveStatus,
      count: sql<number>`count(*)::int`,
    })
    .from(bankStatementLines)
    .leftJoin(payments, eq(payments.id, bankStatementLines.paymentId))
    .where(inArray(bankStatementLines.statementId, statementIds))
    .groupBy(bankStatementLines.statementId, effectiveStatus);
  for (const row of rows) {
    const counts = progress.get(row.statementId)!;
    counts[row.status as keyof typeof empty] = Number(row.count);
  }
  return progress;
}

export type StatementRow = typeof bankStatements.$inferSelect;

export async function withProgress(tx: Executor, statements: StatementRow[]) {
  const progress = await progressOf(
    tx,
    statements.map((s) => s.id),
  );
  return statements.map(({ tenantId: _, ...s }) => ({ ...s, progress: progress.get(s.id)! }));
}

export async function statementView(tx: Executor, id: string) {
  const [statement] = await tx.select().from(bankStatements).where(eq(bankStatements.id, id));
  if (!statement) throw notFound('Bank statement', id);
  const [summary] = await withProgress(tx, [statement]);
  return { ...summary, lines: await linesOf(tx, id) };
}
