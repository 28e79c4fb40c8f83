import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid, notFound } from '../../../platform/http/problem.js';
import { Id, Name } from '../../../platform/http/schemas.js';
import { Probability, StageRegulation, showStage } from '../pipeline-schemas.js';
import { draftOf, lockPipeline, pipelineStages } from '../pipeline-stages.js';
import { stageListProblems } from '../rules/stage-order.js';
import { stages } from '../schema.js';
import { setStageRegulation } from './set-stage-regulation.js';

/**
 * Renames a stage, changes its probability or its regulation. Its outcome stays: a won stage
 * turned open would leave its deals won in an open column.
 */
export const updateStage = defineAction({
  name: 'crm.updateStage',
  input: Type.Object(
    {
      id: Id,
      name: Type.Optional(Name),
      probability: Type.Optional(Probability),
      regulation: Type.Optional(StageRegulation),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { id, regulation, ...changes }) {
    const [found] = await ctx.tx
      .select({ pipelineId: stages.pipelineId })
      .from(stages)
      .where(eq(stages.id, id));
    if (!found) throw notFound('Stage', id);
    const pipeline = await lockPipeline(ctx.tx, found.pipelineId, { editable: true });
    const all = await pipelineStages(ctx.tx, pipeline.id);
    const before = all.find((s) => s.id === id);
    if (!before) throw notFound('Stage', id);

    // The changed stage is checked last in the list, so a clash is reported on its fields.
    const others = all.filter((s) => s.id !== id).map(draftOf);
    const problems = stageListProblems([...others, draftOf({ ...before, ...changes })], (i, property) =>
      i === others.length ? property : `stages of "${pipeline.name}"`,
    );
    if (problems.length) throw invalid(problems);

    let after = before;
    if (Object.keys(changes).length) {
      [after] = await ctx.tx.update(stages).set(changes).where(eq(stages.id, id)).returning();
      ctx.audit({ entity: 'stage', entityId: id, before, after });
    }
    if (regulation) return ctx.call(setStageRegulation, { id, regulation });
    return showStage(after);
  },
});
