import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { notify } from '../../../platform/notifications/notify.js';
import { tasks } from '../schema.js';
import { resolveLinks, responsibleUser, stampedNow } from './activity-links.js';
import { NewTaskFields, toDate } from './activity-schemas.js';
import { assignedNotice, taskEvent } from './task-rules.js';

/**
 * A to-do for one person, about a client, contact, deal or lead (or nothing in particular).
 * Linking a contact or deal is enough: the task is filed under their client.
 */
export const createTask = defineAction({
  name: 'crm.createTask',
  input: Type.Object(NewTaskFields, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, input) {
    const assigneeUserId = await responsibleUser(ctx.tx, ctx.actor, input.assigneeUserId, 'assigneeUserId');
    const clientId = await resolveLinks(ctx.tx, ctx.actor, input);
    const [task] = await ctx.tx
      .insert(tasks)
      .values({
        tenantId: ctx.tenantId,
        title: input.title,
        description: input.description ?? null,
        assigneeUserId,
        dueAt: toDate(input.dueAt) ?? null,
        priority: input.priority ?? 'normal',
        remindAt: toDate(input.remindAt) ?? null,
        clientId,
        contactId: input.contactId ?? null,
        dealId: input.dealId ?? null,
        leadId: input.leadId ?? null,
        createdBy: ctx.actor.userId,
        ...stampedNow(),
      })
      .returning();
    ctx.audit({ entity: 'task', entityId: task.id, after: task });
    ctx.emit('crm.taskCreated', taskEvent(task));
    await notify(ctx, ...assignedNotice(task, ctx.actor.userId));
    return task;
  },
});
