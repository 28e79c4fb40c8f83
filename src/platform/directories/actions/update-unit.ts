import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { conflict } from '../../http/problem.js';
import { units } from '../schema.js';
import { UnitChanges, UnitCode } from '../schemas.js';
import { lockUnit } from './directory-rules.js';

/** Quantities and conversions point at a unit by its code, so the code itself never changes. */
export const updateUnit = defineAction({
  name: 'directories.updateUnit',
  input: Type.Object(
    { code: UnitCode, ...Type.Partial(Type.Object(UnitChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'directories:manage',
  async run(ctx, { code, ...changes }) {
    const before = await lockUnit(ctx.tx, code);
    if (before.archivedAt) throw conflict(`Unit "${code}" is archived; restore it before editing.`);
    const [after] = await ctx.tx
      .update(units)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(units.id, before.id))
      .returning();
    ctx.audit({ entity: 'unit', entityId: before.id, before, after });
    return after;
  },
});
