import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { showStage } from '../pipeline-schemas.js';
import { lockPipeline, pipelineStages, renumberStages } from '../pipeline-stages.js';
import { reorderProblems } from '../rules/stage-order.js';

/** Puts a pipeline's stages in a new board order: every stage named once, first to last. */
export const reorderStages = defineAction({
  name: 'crm.reorderStages',
  input: Type.Object(
    { pipelineId: Id, stageIds: Type.Array(Id, { maxItems: 100 }) },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { pipelineId, stageIds }) {
    await lockPipeline(ctx.tx, pipelineId, { editable: true });
    const current = await pipelineStages(ctx.tx, pipelineId);
    const problems = reorderProblems(current, stageIds);
    if (problems.length) throw invalid(problems);
    const byId = new Map(current.map((s) => [s.id, s]));
    const ordered = stageIds.map((id) => byId.get(id)!);
    await renumberStages(ctx.tx, ordered);
    ctx.audit({
      entity: 'pipeline',
      entityId: pipelineId,
      before: { stageIds: current.map((s) => s.id) },
      after: { stageIds },
    });
    return ordered.map((s, index) => showStage({ ...s, position: index + 1 }));
  },
});
