import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { payments } from '../invoicing/schema.js';
import { bankStatementLines } from './schema.js';

export type LineRow = typeof bankStatementLines.$inferSelect;

/** The line under FOR UPDATE, and whether it is open: never resolved, or its payment cancelled since. */
export async function lockLine(tx: Tx, id: string) {
  const [line] = await tx
    .select()
    .from(bankStatementLines)
    .where(eq(bankStatementLines.id, id))
    .for('update');
  if (!line) throw notFound('Bank statement line', id);
  if (line.status !== 'confirmed') return { line, isOpen: line.status === 'open' };
  const [payment] = await tx
    .select({ status: payments.status })
    .from(payments)
    .where(eq(payments.id, line.paymentId!));
  return { line, isOpen: payment?.status === 'cancelled' };
}

/** What a line must be for `doing`: the answer says what it is instead. */
export function assertLineOpen(found: { line: LineRow; isOpen: boolean }, doing: string) {
  if (found.isOpen) return;
  const { line } = found;
  throw conflict(
    `Line ${line.lineNo} of the statement is ${line.status}; only an open line can be ${doing}.`,
    [{ field: 'id', reason: `line is ${line.status}` }],
  );
}
