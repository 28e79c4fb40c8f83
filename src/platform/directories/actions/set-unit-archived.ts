import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { units } from '../schema.js';
import { UnitCode } from '../schemas.js';
import { lockUnit } from './directory-rules.js';

/** Archived units stay on the records that use them and in conversions, but leave the pickers. */
export const setUnitArchived = defineAction({
  name: 'directories.setUnitArchived',
  input: Type.Object({ code: UnitCode, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, { code, archived }) {
    const before = await lockUnit(ctx.tx, code);
    const [after] = await ctx.tx
      .update(units)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(units.id, before.id))
      .returning();
    ctx.audit({
      entity: 'unit',
      entityId: before.id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
