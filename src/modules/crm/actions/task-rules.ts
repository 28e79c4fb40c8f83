import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actions/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import type { NotificationInput } from '../../../platform/notifications/notify.js';
import { visibleThroughClient } from '../../parties/visibility.js';
import { refusedStep } from '../rules/activity-status.js';
import { leads, tasks } from '../schema.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** A rep sees the tasks given to them and those about their own clients and leads. */
export function visibleTasks(actor: Actor): SQL | undefined {
  if (!actor.ownRecordsOnly) return undefined;
  const me = actor.userId ?? NOBODY;
  return or(
    eq(tasks.assigneeUserId, me),
    visibleThroughClient(actor, tasks.clientId),
    inArray(tasks.leadId, sql`(select ${leads.id} from ${leads} where ${leads.responsibleUserId} = ${me})`),
  );
}

/** Locks a task the actor may see and checks it can take the step; any other answers 404. */
export async function lockVisibleTask(tx: Tx, actor: Actor, id: string, step: 'done' | 'cancel' | 'edit') {
  const [task] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), visibleTasks(actor)))
    .for('update');
  if (!task) throw notFound('Task', id);
  const refusal = refusedStep('task', task.status, step);
  if (refusal) throw conflict(refusal);
  return task;
}

export const taskEvent = (t: typeof tasks.$inferSelect) => ({
  taskId: t.id,
  assigneeUserId: t.assigneeUserId,
  status: t.status,
  clientId: t.clientId,
  dealId: t.dealId,
  leadId: t.leadId,
});

/** Someone given a task by another person hears of it at once. */
export function assignedNotice(
  task: typeof tasks.$inferSelect,
  actorUserId: string | null,
): NotificationInput[] {
  if (task.assigneeUserId === actorUserId) return [];
  return [
    {
      userId: task.assigneeUserId,
      kind: 'crm.taskAssigned',
      title: `New task: ${task.title}`,
      body: task.dueAt ? `Due ${task.dueAt.toISOString()}` : null,
      link: `/crm/tasks/${task.id}`,
    },
  ];
}
