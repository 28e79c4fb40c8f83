import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { units } from '../schema.js';
import { UnitFields } from '../schemas.js';
import { refuseTaken } from './directory-rules.js';

export const createUnit = defineAction({
  name: 'directories.createUnit',
  input: Type.Object(UnitFields, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, input) {
    await refuseTaken(
      ctx.tx,
      units,
      eq(units.code, input.code),
      'code',
      `Unit "${input.code}" is already in the list.`,
    );
    const [unit] = await ctx.tx
      .insert(units)
      .values({ tenantId: ctx.tenantId, ...input })
      .returning();
    ctx.audit({ entity: 'unit', entityId: unit.id, after: unit });
    return unit;
  },
});
