import { Decimal } from 'decimal.js';
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { allocations, invoiceLines, invoices, openItems, payments } from './schema.js';

export type OpenItemRow = typeof openItems.$inferSelect;
export type AllocationRow = typeof allocations.$inferSelect;

/** The allocations that touch the items, oldest first, each with the row that undid it. */
export async function allocationsOf(tx: Executor, itemIds: string[]) {
  if (!itemIds.length) return [];
  const rows = await tx
    .select()
    .from(allocations)
    .where(or(inArray(allocations.openItemId, itemIds), inArray(allocations.settledById, itemIds)))
    .orderBy(asc(allocations.createdAt), asc(allocations.id));
  return rows.map((a) => ({ ...a, undoneById: rows.find((u) => u.undoesId === a.id)?.id ?? null }));
}

/** Allocations that stand: neither undone nor undoing rows themselves. */
export const liveAllocations = <T extends AllocationRow & { undoneById: string | null }>(rows: T[]) =>
  rows.filter((a) => !a.undoesId && !a.undoneById);

/**
 * Items with what allocations settled of them, or settled with them: an undoing row is negative,
 * so the sum is what stands.
 */
export async function withAllocated(tx: Executor, items: OpenItemRow[]) {
  const rows = await allocationsOf(
    tx,
    items.map((i) => i.id),
  );
  return allocatedOf(items, rows);
}

/** Items with what the allocation rows settled of them. */
function allocatedOf(items: OpenItemRow[], rows: AllocationRow[]) {
  return items.map((item) => {
    const places = item.amount.split('.')[1]?.length ?? 0;
    const allocated = rows
      .filter((a) => a.openItemId === item.id || a.settledById === item.id)
      .reduce((total, a) => total.plus(a.amount), new Decimal(0));
    return { ...item, allocated: allocated.toFixed(places) };
  });
}

export async function invoiceView(tx: Executor, id: string) {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, id));
  if (!invoice) throw notFound('Invoice', id);
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.lineNo));
  const items = await tx
    .select()
    .from(openItems)
    .where(eq(openItems.invoiceId, id))
    .orderBy(asc(openItems.instalment));
  return invoiceViewOf(invoice, lines, await withAllocated(tx, items));
}

type InvoiceLineRow = typeof invoiceLines.$inferSelect;

/** The invoice as the API shows it, from its rows. */
export const invoiceViewOf = (
  invoice: typeof invoices.$inferSelect,
  lines: InvoiceLineRow[],
  items: (OpenItemRow & { allocated: string })[],
) => ({
  ...invoice,
  lines: lines.map(({ id: _id, tenantId: _t, invoiceId: _i, ...line }) => line),
  openItems: items,
});

/** The view of an invoice just posted: nothing is allocated yet, so nothing needs reading. */
export const postedInvoiceView = (
  invoice: typeof invoices.$inferSelect,
  lines: InvoiceLineRow[],
  items: OpenItemRow[],
) => invoiceViewOf(invoice, lines, allocatedOf(items, []));

export async function paymentView(tx: Executor, id: string) {
  const [payment] = await tx.select().from(payments).where(eq(payments.id, id));
  if (!payment) throw notFound('Payment', id);
  const [item] = await tx.select().from(openItems).where(eq(openItems.paymentId, id));
  if (!item) return { ...payment, openItem: null, allocations: [] };
  const [shown] = await withAllocated(tx, [item]);
  return { ...payment, openItem: shown, allocations: await allocationsOf(tx, [item.id]) };
}
