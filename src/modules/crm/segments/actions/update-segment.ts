import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id, Name, Nullable } from '../../../../platform/http/schemas.js';
import { segments } from '../../schema.js';
import { assertCriteriaFit, lockSegment, recompute } from '../segment-rules.js';
import { Criteria, Refresh } from '../segment-schemas.js';

/** Renames a segment or changes its criteria; new criteria take effect at once. */
export const updateSegment = defineAction({
  name: 'crm.updateSegment',
  input: Type.Object(
    {
      id: Id,
      name: Type.Optional(Name),
      criteria: Type.Optional(Nullable(Criteria)),
      refresh: Type.Optional(Refresh),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, ...changes }) {
    const before = await lockSegment(ctx.tx, id);
    if (changes.criteria !== undefined) assertCriteriaFit(before.kind, changes.criteria);
    const [after] = await ctx.tx
      .update(segments)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(segments.id, id))
      .returning();
    ctx.audit({ entity: 'segment', entityId: id, before, after });
    return changes.criteria && after.kind === 'dynamic' ? recompute(ctx.tx, ctx.tenantId, after) : after;
  },
});
