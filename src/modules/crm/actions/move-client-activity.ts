import { eq } from 'drizzle-orm';
import type { ClientMergeStep } from '../../parties/merge-steps.js';
import { interactions, tasks } from '../schema.js';

/**
 * When two clients merge, the interactions and tasks of the one merged away move to the one
 * kept, so its history and to-dos stay whole. Register with
 * `registerClientMergeStep('crm-activity', moveClientActivity)`.
 */
export const moveClientActivity: ClientMergeStep = async (tx, from, into) => {
  const now = new Date();
  const movedInteractions = await tx
    .update(interactions)
    .set({ clientId: into.clientId, updatedAt: now })
    .where(eq(interactions.clientId, from.clientId))
    .returning({ id: interactions.id });
  const movedTasks = await tx
    .update(tasks)
    .set({ clientId: into.clientId, updatedAt: now })
    .where(eq(tasks.clientId, from.clientId))
    .returning({ id: tasks.id });
  return movedInteractions.length + movedTasks.length;
};
