import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { invoices } from './schema.js';

/** The invoice under FOR UPDATE; 404 when missing. */
export async function lockInvoice(tx: Tx, id: string) {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update');
  if (!invoice) throw notFound('Invoice', id);
  return invoice;
}

/** A posted or cancelled invoice is a fact: the answer says what to do instead. */
export function assertDraftInvoice(invoice: typeof invoices.$inferSelect, doing: string) {
  if (invoice.status === 'draft') return;
  const name = invoice.number ?? invoice.id;
  throw conflict(
    `Invoice ${name} is ${invoice.status}; it cannot be ${doing}.` +
      (invoice.status === 'posted' ? ' Cancel it, or issue a credit note.' : ''),
    [{ field: 'id', reason: `invoice ${name} is ${invoice.status}` }],
  );
}
