import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { assertCurrencyListed } from '../../../../platform/directories/actions/directory-rules.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { marketingCosts, sources } from '../../schema.js';
import { CostFields } from '../marketing-schemas.js';

/** Money spent on a channel, campaign or event. Entries are facts: a correction is a negative entry. */
export const recordMarketingCost = defineAction({
  name: 'crm.recordMarketingCost',
  input: Type.Object(CostFields, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, input) {
    const [source] = await ctx.tx
      .select({ id: sources.id })
      .from(sources)
      .where(eq(sources.id, input.sourceId));
    if (!source) throw invalidField('sourceId', 'no such source');
    if (/^-?0+(\.0+)?$/.test(input.amount)) throw invalidField('amount', 'must not be zero');
    await assertCurrencyListed(ctx.tx, input.currency, 'currency', { active: true });
    const [cost] = await ctx.tx
      .insert(marketingCosts)
      .values({ tenantId: ctx.tenantId, ...input })
      .returning();
    ctx.audit({ entity: 'marketingCost', entityId: cost.id, after: cost });
    return cost;
  },
});
