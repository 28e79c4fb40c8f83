import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { lockSegment, recompute } from '../segment-rules.js';

export const recomputeSegment = defineAction({
  name: 'crm.recomputeSegment',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { id }) {
    const segment = await lockSegment(ctx.tx, id);
    if (segment.kind !== 'dynamic')
      throw invalidField('id', `"${segment.name}" is a static list; it has nothing to recompute`);
    const after = await recompute(ctx.tx, ctx.tenantId, segment);
    ctx.audit({
      entity: 'segment',
      entityId: id,
      before: { memberCount: segment.memberCount },
      after: { memberCount: after.memberCount },
    });
    return after;
  },
});
