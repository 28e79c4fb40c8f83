import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import type { Tx } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { Id, Name } from '../../../platform/http/schemas.js';
import { analyticDimensions } from '../schema.js';
import { Code } from '../schemas.js';

export async function lockDimension(tx: Tx, id: string) {
  const [dimension] = await tx
    .select()
    .from(analyticDimensions)
    .where(eq(analyticDimensions.id, id))
    .for('update');
  if (!dimension) throw notFound('Analytic dimension', id);
  return dimension;
}

/** Code and name only: the kind and company are what GL lines were tagged with. */
export const updateAnalyticDimension = defineAction({
  name: 'accounting.updateAnalyticDimension',
  input: Type.Object(
    { id: Id, code: Type.Optional(Code), name: Type.Optional(Name) },
    { additionalProperties: false },
  ),
  permission: 'accounting:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockDimension(ctx.tx, id);
    const [after] = await ctx.tx
      .update(analyticDimensions)
      .set(changes)
      .where(eq(analyticDimensions.id, id))
      .returning();
    ctx.audit({ entity: 'analyticDimension', entityId: id, before, after });
    return after;
  },
});
