import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { notFound } from '../../../../platform/http/problem.js';
import { Id, Name } from '../../../../platform/http/schemas.js';
import { paymentTerms } from '../schema.js';
import { PaymentTermsFields } from '../schemas.js';
import { checkInstalments } from '../tax-checks.js';

/** Posted invoices keep the instalments they opened; only later invoices see the change. */
export const updatePaymentTerms = defineAction({
  name: 'accounting.updatePaymentTerms',
  input: Type.Object(
    { id: Id, name: Type.Optional(Name), instalments: Type.Optional(PaymentTermsFields.instalments) },
    { additionalProperties: false },
  ),
  permission: 'accounting:manage',
  async run(ctx, { id, ...changes }) {
    const [before] = await ctx.tx.select().from(paymentTerms).where(eq(paymentTerms.id, id)).for('update');
    if (!before) throw notFound('Payment terms', id);
    if (changes.instalments) checkInstalments(changes.instalments);
    const [after] = await ctx.tx.update(paymentTerms).set(changes).where(eq(paymentTerms.id, id)).returning();
    ctx.audit({ entity: 'paymentTerms', entityId: id, before, after });
    return after;
  },
});
