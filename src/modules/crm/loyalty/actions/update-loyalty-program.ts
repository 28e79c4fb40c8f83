import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { loyaltyPrograms } from '../../schema.js';
import { lockProgram } from '../loyalty-ledger.js';
import { ProgramChanges } from '../loyalty-schemas.js';

/** Changes a program's rules from now on; points already on the ledger keep what they were. */
export const updateLoyaltyProgram = defineAction({
  name: 'crm.updateLoyaltyProgram',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(ProgramChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockProgram(ctx.tx, id);
    if (!Object.keys(changes).length) return before;
    const [after] = await ctx.tx
      .update(loyaltyPrograms)
      .set(changes)
      .where(eq(loyaltyPrograms.id, id))
      .returning();
    ctx.audit({ entity: 'loyaltyProgram', entityId: id, before, after });
    return after;
  },
});
