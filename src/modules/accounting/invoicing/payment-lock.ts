import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { payments } from './schema.js';

export async function lockPayment(tx: Tx, id: string) {
  const [payment] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  if (!payment) throw notFound('Payment', id);
  return payment;
}

/** What a payment must be for `doing`: the answer names its state when it is not. */
export function assertPaymentStatus(payment: typeof payments.$inferSelect, status: string, doing: string) {
  if (payment.status === status) return;
  const name = payment.number ?? payment.id;
  throw conflict(`Payment ${name} is ${payment.status}; only a ${status} payment can be ${doing}.`, [
    { field: 'id', reason: `payment ${name} is ${payment.status}` },
  ]);
}
