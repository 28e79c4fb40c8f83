import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { segments } from '../../schema.js';
import { assertCriteriaFit, recompute } from '../segment-rules.js';
import { SegmentFields } from '../segment-schemas.js';

export const createSegment = defineAction({
  name: 'crm.createSegment',
  input: Type.Object(SegmentFields, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, input) {
    assertCriteriaFit(input.kind, input.criteria);
    const [segment] = await ctx.tx
      .insert(segments)
      .values({
        tenantId: ctx.tenantId,
        name: input.name,
        kind: input.kind,
        criteria: input.criteria ?? null,
        refresh: input.kind === 'static' ? 'none' : (input.refresh ?? 'daily'),
      })
      .returning();
    ctx.audit({ entity: 'segment', entityId: segment.id, after: segment });
    return segment.kind === 'dynamic' ? recompute(ctx.tx, ctx.tenantId, segment) : segment;
  },
});
