import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { tasks } from '../schema.js';
import { lockVisibleTask, taskEvent } from './task-rules.js';

export const completeTask = defineAction({
  name: 'crm.completeTask',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { id }) {
    const before = await lockVisibleTask(ctx.tx, ctx.actor, id, 'done');
    const now = new Date();
    const [after] = await ctx.tx
      .update(tasks)
      .set({ status: 'done', doneAt: now, updatedAt: now })
      .where(eq(tasks.id, id))
      .returning();
    ctx.audit({
      entity: 'task',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
    });
    ctx.emit('crm.taskDone', taskEvent(after));
    return after;
  },
});
