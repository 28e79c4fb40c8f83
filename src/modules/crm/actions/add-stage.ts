import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { StageFields, showStage } from '../pipeline-schemas.js';
import {
  draftOf,
  lockPipeline,
  pipelineStages,
  regulationProblems,
  renumberStages,
  tidyRegulation,
} from '../pipeline-stages.js';
import { stageListProblems } from '../rules/stage-order.js';
import { stages } from '../schema.js';

/**
 * Adds a stage to a pipeline. Without a position an open stage goes after the last open one
 * (before Won and Lost), a closing stage at the end; the stages after it move down one.
 */
export const addStage = defineAction({
  name: 'crm.addStage',
  input: Type.Object(
    {
      pipelineId: Id,
      ...StageFields,
      position: Type.Optional(
        Type.Integer({ minimum: 1, description: 'Place in the board order, from 1; default: see above' }),
      ),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { pipelineId, position, ...fields }) {
    const pipeline = await lockPipeline(ctx.tx, pipelineId, { editable: true });
    const existing = await pipelineStages(ctx.tx, pipelineId);
    const outcome = fields.outcome ?? 'open';
    const lastOpen = existing.map((s) => s.outcome).lastIndexOf('open');
    const defaultIndex = outcome === 'open' ? lastOpen + 1 : existing.length;
    const index = Math.min((position ?? defaultIndex + 1) - 1, existing.length);

    // The new stage is checked last in the list, so a clash is always reported on its fields.
    const drafts = [
      ...existing.map(draftOf),
      { name: fields.name, probability: fields.probability, outcome, position: existing.length + 1 },
    ];
    const problems = stageListProblems(drafts, (i, property) =>
      i === existing.length ? property : `stages of "${pipeline.name}"`,
    );
    problems.push(...(await regulationProblems(ctx.tx, fields.regulation, 'regulation')));
    if (problems.length) throw invalid(problems);

    const [stage] = await ctx.tx
      .insert(stages)
      .values({
        tenantId: ctx.tenantId,
        pipelineId,
        name: fields.name,
        probability: fields.probability,
        outcome,
        regulation: tidyRegulation(fields.regulation),
        position: index + 1,
      })
      .returning();
    const ordered = [...existing];
    ordered.splice(index, 0, stage);
    await renumberStages(ctx.tx, ordered);
    ctx.audit({ entity: 'stage', entityId: stage.id, after: stage });
    return showStage(stage);
  },
});
