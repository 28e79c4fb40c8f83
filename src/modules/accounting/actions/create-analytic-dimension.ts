import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { companyBooks } from '../books.js';
import { analyticDimensions } from '../schema.js';
import { DimensionFields } from '../schemas.js';

export const createAnalyticDimension = defineAction({
  name: 'accounting.createAnalyticDimension',
  input: Type.Object(DimensionFields, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, input) {
    await companyBooks(ctx.tx, input.companyId);
    const [dimension] = await ctx.tx
      .insert(analyticDimensions)
      .values({ ...input, tenantId: ctx.tenantId })
      .returning();
    ctx.audit({ entity: 'analyticDimension', entityId: dimension.id, after: dimension });
    return dimension;
  },
});
