import { and, eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { Name } from '../../../platform/http/schemas.js';
import { DealType, StageFields, showStage } from '../pipeline-schemas.js';
import { refusePipelineNameTaken, regulationProblems, tidyRegulation } from '../pipeline-stages.js';
import { stageListProblems } from '../rules/stage-order.js';
import { pipelines, stages } from '../schema.js';

/**
 * Sets up a pipeline with its stages in board order. The tenant's first pipeline becomes the
 * default one new deals go to; a pipeline made default takes that from the one before.
 */
export const createPipeline = defineAction({
  name: 'crm.createPipeline',
  input: Type.Object(
    {
      name: Name,
      dealType: Type.Optional(DealType),
      isDefault: Type.Optional(Type.Boolean()),
      stages: Type.Array(Type.Object(StageFields, { additionalProperties: false }), { maxItems: 50 }),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, input) {
    const { tx } = ctx;
    await refusePipelineNameTaken(tx, input.name);
    const drafts = input.stages.map((s, index) => ({
      name: s.name,
      probability: s.probability,
      outcome: s.outcome ?? 'open',
      position: index + 1,
    }));
    const problems = stageListProblems(drafts);
    for (const [index, s] of input.stages.entries())
      problems.push(...(await regulationProblems(tx, s.regulation, `stages.${index}.regulation`)));
    if (problems.length) throw invalid(problems);

    const [currentDefault] = await tx
      .select({ id: pipelines.id })
      .from(pipelines)
      .where(and(eq(pipelines.isDefault, true), isNull(pipelines.archivedAt)));
    const isDefault = input.isDefault ?? !currentDefault;
    if (isDefault && currentDefault)
      await tx.update(pipelines).set({ isDefault: false }).where(eq(pipelines.id, currentDefault.id));

    const [pipeline] = await tx
      .insert(pipelines)
      .values({ tenantId: ctx.tenantId, name: input.name, dealType: input.dealType ?? 'sales', isDefault })
      .returning();
    const created = await tx
      .insert(stages)
      .values(
        drafts.map((d, index) => ({
          ...d,
          tenantId: ctx.tenantId,
          pipelineId: pipeline.id,
          regulation: tidyRegulation(input.stages[index].regulation),
        })),
      )
      .returning();
    const after = { ...pipeline, stages: created.sort((a, b) => a.position - b.position).map(showStage) };
    ctx.audit({ entity: 'pipeline', entityId: pipeline.id, after });
    return after;
  },
});
