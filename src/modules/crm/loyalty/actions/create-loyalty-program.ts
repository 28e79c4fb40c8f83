import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { assertCurrencyListed } from '../../../../platform/directories/actions/directory-rules.js';
import { loyaltyPrograms } from '../../schema.js';
import { ProgramFields } from '../loyalty-schemas.js';

export const createLoyaltyProgram = defineAction({
  name: 'crm.createLoyaltyProgram',
  input: Type.Object(ProgramFields, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, input) {
    await assertCurrencyListed(ctx.tx, input.currency, 'currency', { active: true });
    const [program] = await ctx.tx
      .insert(loyaltyPrograms)
      .values({ tenantId: ctx.tenantId, ...input })
      .returning();
    ctx.audit({ entity: 'loyaltyProgram', entityId: program.id, after: program });
    return program;
  },
});
