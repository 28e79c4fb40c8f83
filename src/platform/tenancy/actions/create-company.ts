import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { CompanyFields } from '../company-schemas.js';
import { companies } from '../schema.js';
import { assertCurrencyKnown } from './company-rules.js';

export const createCompany = defineAction({
  name: 'platform.createCompany',
  input: Type.Object(CompanyFields, { additionalProperties: false }),
  permission: 'companies:manage',
  async run(ctx, input) {
    await assertCurrencyKnown(ctx.tx, input.baseCurrency);
    const [company] = await ctx.tx
      .insert(companies)
      .values({ ...input, tenantId: ctx.tenantId })
      .returning();
    ctx.audit({ entity: 'company', entityId: company.id, after: company });
    ctx.emit('company.created', { companyId: company.id });
    return company;
  },
});
