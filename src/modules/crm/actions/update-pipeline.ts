import { and, eq, ne } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id, Name } from '../../../platform/http/schemas.js';
import { DealType } from '../pipeline-schemas.js';
import { lockPipeline, refusePipelineNameTaken } from '../pipeline-stages.js';
import { pipelines } from '../schema.js';

/** Renames a pipeline, changes its deal type, or makes it the default one new deals go to. */
export const updatePipeline = defineAction({
  name: 'crm.updatePipeline',
  input: Type.Object(
    {
      id: Id,
      name: Type.Optional(Name),
      dealType: Type.Optional(DealType),
      isDefault: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockPipeline(ctx.tx, id, { editable: true });
    if (changes.name !== undefined) await refusePipelineNameTaken(ctx.tx, changes.name, id);
    if (changes.isDefault)
      await ctx.tx
        .update(pipelines)
        .set({ isDefault: false })
        .where(and(eq(pipelines.isDefault, true), ne(pipelines.id, id)));
    const [after] = await ctx.tx.update(pipelines).set(changes).where(eq(pipelines.id, id)).returning();
    ctx.audit({ entity: 'pipeline', entityId: id, before, after });
    return after;
  },
});
