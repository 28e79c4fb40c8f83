import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actions/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { visibleThroughClient } from '../../parties/visibility.js';
import { refusedStep } from '../rules/activity-status.js';
import { interactions } from '../schema.js';

/** Locks an interaction whose client the actor may see; any other answers 404. */
export async function lockVisibleInteraction(
  tx: Tx,
  actor: Actor,
  id: string,
  step: 'done' | 'cancel' | 'edit',
) {
  const [interaction] = await tx
    .select()
    .from(interactions)
    .where(and(eq(interactions.id, id), visibleThroughClient(actor, interactions.clientId)))
    .for('update');
  if (!interaction) throw notFound('Interaction', id);
  const refusal = refusedStep('interaction', interaction.status, step);
  if (refusal) throw conflict(refusal);
  return interaction;
}

/** What subscribers learn of an interaction. */
export const interactionEvent = (i: typeof interactions.$inferSelect) => ({
  interactionId: i.id,
  clientId: i.clientId,
  contactId: i.contactId,
  dealId: i.dealId,
  sourceId: i.sourceId,
  kind: i.kind,
  status: i.status,
  occursAt: i.occursAt.toISOString(),
  responsibleUserId: i.responsibleUserId,
});
