import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalidField } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { accountIsUsed, activeChildCount, checkParent } from '../account-checks.js';
import { currencyPrecision, lockAccount } from '../books.js';
import { accounts } from '../schema.js';
import { AccountFields } from '../schemas.js';

const { companyId: _company, ...Changeable } = AccountFields;
export const AccountChanges = Type.Partial(Type.Object(Changeable));

/** The company of an account never changes; its type and kind only while nothing depends on them. */
export const updateAccount = defineAction({
  name: 'accounting.updateAccount',
  input: Type.Object({ id: Id, ...AccountChanges.properties }, { additionalProperties: false }),
  permission: 'accounting:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockAccount(ctx.tx, id);
    const after = { ...before, ...changes };
    const used = await accountIsUsed(ctx.tx, id);
    const children = await activeChildCount(ctx.tx, id);
    if (changes.type && changes.type !== before.type) {
      if (used) throw invalidField('type', `account ${before.code} has entries; its type cannot change`);
      if (children)
        throw invalidField('type', `account ${before.code} has accounts under it; its type cannot change`);
    }
    if (changes.isGroup === true && !before.isGroup && used)
      throw invalidField('isGroup', `account ${before.code} has entries; a group takes none`);
    if (changes.isGroup === false && before.isGroup && children)
      throw invalidField(
        'isGroup',
        `account ${before.code} has ${children} accounts under it; move them first`,
      );
    if (changes.currency && changes.currency !== before.currency) {
      await currencyPrecision(ctx.tx, changes.currency, 'currency');
      if (used)
        throw invalidField('currency', `account ${before.code} has entries; its currency cannot change`);
    }
    if (changes.parentId !== undefined || changes.type) await checkParent(ctx.tx, after);
    const [updated] = await ctx.tx.update(accounts).set(changes).where(eq(accounts.id, id)).returning();
    ctx.audit({ entity: 'account', entityId: id, before, after: updated });
    return updated;
  },
});
