import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { allocations } from '../schema.js';
import { undoAllocation } from '../settle.js';
import { allocationsOf } from '../views.js';

export const undoAllocationAction = defineAction({
  name: 'accounting.undoAllocation',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'accounting:write',
  async run(ctx, { id }) {
    const [allocation] = await ctx.tx.select().from(allocations).where(eq(allocations.id, id));
    if (!allocation) throw notFound('Allocation', id);
    const row = await undoAllocation(ctx, allocation);
    return (await allocationsOf(ctx.tx, [row.openItemId])).find((a) => a.id === row.id)!;
  },
});
