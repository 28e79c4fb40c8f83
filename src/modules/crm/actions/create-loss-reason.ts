import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Name } from '../../../platform/http/schemas.js';
import { lossReasons } from '../schema.js';

/** Adds a reason deals are lost for; a lost deal names one, so win/loss analysis can count them. */
export const createLossReason = defineAction({
  name: 'crm.createLossReason',
  input: Type.Object({ name: Name }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { name }) {
    const [taken] = await ctx.tx
      .select({ id: lossReasons.id })
      .from(lossReasons)
      .where(sql`lower(${lossReasons.name}) = lower(${name})`)
      .limit(1);
    if (taken)
      throw conflict(`Loss reason "${name}" is already in the list.`, [
        { field: 'name', reason: 'is already taken' },
      ]);
    const [reason] = await ctx.tx.insert(lossReasons).values({ tenantId: ctx.tenantId, name }).returning();
    ctx.audit({ entity: 'lossReason', entityId: reason.id, after: reason });
    return reason;
  },
});
