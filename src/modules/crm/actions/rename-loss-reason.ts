import { and, eq, ne, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { Id, Name } from '../../../platform/http/schemas.js';
import { lossReasons } from '../schema.js';

/** Renames a loss reason; the deals lost for it point at it by id, so they show the new name. */
export const renameLossReason = defineAction({
  name: 'crm.renameLossReason',
  input: Type.Object({ id: Id, name: Name }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { id, name }) {
    const [before] = await ctx.tx.select().from(lossReasons).where(eq(lossReasons.id, id)).for('update');
    if (!before) throw notFound('Loss reason', id);
    const [taken] = await ctx.tx
      .select({ id: lossReasons.id })
      .from(lossReasons)
      .where(and(sql`lower(${lossReasons.name}) = lower(${name})`, ne(lossReasons.id, id)))
      .limit(1);
    if (taken)
      throw conflict(`Loss reason "${name}" is already in the list.`, [
        { field: 'name', reason: 'is already taken' },
      ]);
    const [after] = await ctx.tx.update(lossReasons).set({ name }).where(eq(lossReasons.id, id)).returning();
    ctx.audit({ entity: 'lossReason', entityId: id, before, after });
    return after;
  },
});
