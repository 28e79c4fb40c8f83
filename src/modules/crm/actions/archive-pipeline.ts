import { and, count, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { lockPipeline } from '../pipeline-stages.js';
import { deals, pipelines } from '../schema.js';

/**
 * Archives a pipeline: it leaves the lists and takes no new deals, and its closed deals keep
 * their history. Open deals would be stranded, so they must be won or lost first.
 */
export const archivePipeline = defineAction({
  name: 'crm.archivePipeline',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { id }) {
    const before = await lockPipeline(ctx.tx, id);
    if (before.archivedAt) return before;
    const [open] = await ctx.tx
      .select({ n: count() })
      .from(deals)
      .where(and(eq(deals.pipelineId, id), eq(deals.status, 'open')));
    if (open.n > 0)
      throw conflict(
        `Pipeline "${before.name}" has ${open.n} open deal(s); win or lose them before archiving the pipeline.`,
      );
    const [after] = await ctx.tx
      .update(pipelines)
      .set({ archivedAt: new Date(), isDefault: false })
      .where(eq(pipelines.id, id))
      .returning();
    ctx.audit({
      entity: 'pipeline',
      entityId: id,
      before: { archivedAt: null, isDefault: before.isDefault },
      after: { archivedAt: after.archivedAt, isDefault: false },
    });
    return after;
  },
});
