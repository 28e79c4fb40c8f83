import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actions/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { leads } from '../schema.js';
import { visibleLeads } from './activity-links.js';
import { leadFields } from './lead-columns.js';

/** Locks a lead the actor may see for the rest of the transaction; others answer 404. */
export async function lockVisibleLead(tx: Tx, actor: Actor, id: string) {
  const [lead] = await tx
    .select(leadFields)
    .from(leads)
    .where(and(eq(leads.id, id), visibleLeads(actor)))
    .for('update');
  if (!lead) throw notFound('Lead', id);
  return lead;
}

/** Qualified and disqualified leads are closed: what they said is kept as it was. */
export function assertLeadOpen(lead: { status: string }, doing: string) {
  if (lead.status !== 'new') throw conflict(`The lead is ${lead.status}; only new leads can be ${doing}.`);
}
