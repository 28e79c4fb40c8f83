import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { tasks } from '../schema.js';
import { lockVisibleTask, taskEvent } from './task-rules.js';

/** A task that no longer needs doing; it stays on record and no longer reminds. */
export const cancelTask = defineAction({
  name: 'crm.cancelTask',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { id }) {
    const before = await lockVisibleTask(ctx.tx, ctx.actor, id, 'cancel');
    const [after] = await ctx.tx
      .update(tasks)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(tasks.id, id))
      .returning();
    ctx.audit({
      entity: 'task',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
    });
    ctx.emit('crm.taskCancelled', taskEvent(after));
    return after;
  },
});
