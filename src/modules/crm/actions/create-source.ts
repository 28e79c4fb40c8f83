import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { sources } from '../schema.js';
import { stampedNow } from './activity-links.js';
import { SourceFields } from './activity-schemas.js';
import { refuseSourceNameTaken } from './source-rules.js';

export const createSource = defineAction({
  name: 'crm.createSource',
  input: Type.Object(SourceFields, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, input) {
    await refuseSourceNameTaken(ctx.tx, input.kind, input.name);
    const [source] = await ctx.tx
      .insert(sources)
      .values({ tenantId: ctx.tenantId, ...input, createdAt: stampedNow().createdAt })
      .returning();
    ctx.audit({ entity: 'source', entityId: source.id, after: source });
    return source;
  },
});
