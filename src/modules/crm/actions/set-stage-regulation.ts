import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid, notFound } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { StageRegulation, showStage } from '../pipeline-schemas.js';
import { lockPipeline, regulationProblems, tidyRegulation } from '../pipeline-stages.js';
import { stages } from '../schema.js';

/**
 * Sets what must be true before a deal may enter a stage; `{}` lifts every requirement. It
 * holds for moves from now on: deals already in the stage stay there.
 */
export const setStageRegulation = defineAction({
  name: 'crm.setStageRegulation',
  input: Type.Object({ id: Id, regulation: StageRegulation }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { id, regulation }) {
    const [found] = await ctx.tx
      .select({ pipelineId: stages.pipelineId })
      .from(stages)
      .where(eq(stages.id, id));
    if (!found) throw notFound('Stage', id);
    await lockPipeline(ctx.tx, found.pipelineId, { editable: true });
    const problems = await regulationProblems(ctx.tx, regulation, 'regulation');
    if (problems.length) throw invalid(problems);
    const [before] = await ctx.tx.select().from(stages).where(eq(stages.id, id));
    const [after] = await ctx.tx
      .update(stages)
      .set({ regulation: tidyRegulation(regulation) })
      .where(eq(stages.id, id))
      .returning();
    ctx.audit({
      entity: 'stage',
      entityId: id,
      before: { regulation: before.regulation },
      after: { regulation: after.regulation },
    });
    return showStage(after);
  },
});
