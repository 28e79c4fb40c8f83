import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { companyBooks } from '../../books.js';
import { taxes } from '../schema.js';
import { TaxFields } from '../schemas.js';
import { checkTax } from '../tax-checks.js';

export const createTax = defineAction({
  name: 'accounting.createTax',
  input: Type.Object(TaxFields, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, input) {
    await companyBooks(ctx.tx, input.companyId);
    await checkTax(ctx.tx, input);
    const [tax] = await ctx.tx
      .insert(taxes)
      .values({ ...input, tenantId: ctx.tenantId })
      .returning();
    ctx.audit({ entity: 'tax', entityId: tax.id, after: tax });
    return tax;
  },
});
