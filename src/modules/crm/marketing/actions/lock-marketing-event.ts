import { eq } from 'drizzle-orm';
import type { Tx } from '../../../../platform/db/database.js';
import { notFound } from '../../../../platform/http/problem.js';
import { marketingEvents } from '../../schema.js';

/** The event to change, locked until the transaction ends, or 404. */
export async function lockMarketingEvent(tx: Tx, id: string) {
  const [event] = await tx.select().from(marketingEvents).where(eq(marketingEvents.id, id)).for('update');
  if (!event) throw notFound('Marketing event', id);
  return event;
}
