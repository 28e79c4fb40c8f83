import { and, eq, sql } from 'drizzle-orm';
import type { ClientMergeStep } from '../parties/merge-steps.js';
import { clientAttribution, eventAttendees, leads, segmentMembers, tickets } from './schema.js';

/**
 * The rest of the CRM's records follow a merged client: leads, claims and tickets, event
 * attendance and static segment membership. The first source is kept unless the client kept
 * has none. Loyalty cards move in their own step (loyalty/card-merge-step.ts).
 */
export const moveClientRecords: ClientMergeStep = async (tx, from, into) => {
  let moved = 0;
  for (const table of [leads, tickets, eventAttendees]) {
    const rows = await tx
      .update(table)
      .set({ clientId: into.clientId })
      .where(eq(table.clientId, from.clientId))
      .returning({ id: table.id });
    moved += rows.length;
  }
  await tx.execute(sql`
    insert into segment_members (tenant_id, segment_id, client_id)
    select tenant_id, segment_id, ${into.clientId} from segment_members where client_id = ${from.clientId}
    on conflict do nothing`);
  await tx.delete(segmentMembers).where(eq(segmentMembers.clientId, from.clientId));
  const [kept] = await tx
    .select()
    .from(clientAttribution)
    .where(eq(clientAttribution.clientId, into.clientId));
  if (!kept) {
    const rows = await tx
      .update(clientAttribution)
      .set({ clientId: into.clientId })
      .where(and(eq(clientAttribution.clientId, from.clientId)))
      .returning({ id: clientAttribution.clientId });
    moved += rows.length;
  }
  return moved;
};
