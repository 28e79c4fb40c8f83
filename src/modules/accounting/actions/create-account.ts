import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { checkParent } from '../account-checks.js';
import { companyBooks, currencyPrecision } from '../books.js';
import { accounts } from '../schema.js';
import { AccountFields } from '../schemas.js';

export const createAccount = defineAction({
  name: 'accounting.createAccount',
  input: Type.Object(AccountFields, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, input) {
    await companyBooks(ctx.tx, input.companyId);
    if (input.currency) await currencyPrecision(ctx.tx, input.currency, 'currency');
    await checkParent(ctx.tx, input);
    const [account] = await ctx.tx
      .insert(accounts)
      .values({ ...input, tenantId: ctx.tenantId })
      .returning();
    ctx.audit({ entity: 'account', entityId: account.id, after: account });
    return account;
  },
});
