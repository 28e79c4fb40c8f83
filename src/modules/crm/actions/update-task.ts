import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { notify } from '../../../platform/notifications/notify.js';
import { remindAgain } from '../rules/reminder-time.js';
import { tasks } from '../schema.js';
import { resolveLinks, responsibleUser } from './activity-links.js';
import { TaskChanges, toDate } from './activity-schemas.js';
import { assignedNotice, lockVisibleTask } from './task-rules.js';

/** Changes an open task: reschedules, re-prioritises, hands it on, links it elsewhere. */
export const updateTask = defineAction({
  name: 'crm.updateTask',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(TaskChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, ...changes }) {
    const before = await lockVisibleTask(ctx.tx, ctx.actor, id, 'edit');
    const reassigned =
      changes.assigneeUserId !== undefined && changes.assigneeUserId !== before.assigneeUserId;
    if (reassigned) await responsibleUser(ctx.tx, ctx.actor, changes.assigneeUserId, 'assigneeUserId');
    const links = ['clientId', 'contactId', 'dealId', 'leadId'] as const;
    let clientId = before.clientId;
    if (links.some((k) => changes[k] !== undefined)) {
      const wanted = Object.fromEntries(
        links.map((k) => [k, changes[k] === undefined ? before[k] : changes[k]]),
      );
      // A contact or deal that moves the task takes its client along, unless the client is named too.
      if (changes.clientId === undefined && (changes.contactId || changes.dealId)) wanted.clientId = null;
      clientId = await resolveLinks(ctx.tx, ctx.actor, wanted);
    }
    const remindAt = changes.remindAt === undefined ? before.remindAt : (toDate(changes.remindAt) ?? null);
    const [after] = await ctx.tx
      .update(tasks)
      .set({
        ...changes,
        clientId,
        dueAt: changes.dueAt === undefined ? before.dueAt : toDate(changes.dueAt),
        remindAt,
        remindedAt: remindAgain(before.remindAt, remindAt) ? null : before.remindedAt,
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, id))
      .returning();
    ctx.audit({ entity: 'task', entityId: id, before, after });
    if (reassigned) await notify(ctx, ...assignedNotice(after, ctx.actor.userId));
    return after;
  },
});
