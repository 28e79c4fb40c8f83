import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { companyBooks } from '../../books.js';
import { paymentTerms } from '../schema.js';
import { PaymentTermsFields } from '../schemas.js';
import { checkInstalments } from '../tax-checks.js';

export const createPaymentTerms = defineAction({
  name: 'accounting.createPaymentTerms',
  input: Type.Object(PaymentTermsFields, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, input) {
    await companyBooks(ctx.tx, input.companyId);
    checkInstalments(input.instalments);
    const [terms] = await ctx.tx
      .insert(paymentTerms)
      .values({ ...input, tenantId: ctx.tenantId })
      .returning();
    ctx.audit({ entity: 'paymentTerms', entityId: terms.id, after: terms });
    return terms;
  },
});
