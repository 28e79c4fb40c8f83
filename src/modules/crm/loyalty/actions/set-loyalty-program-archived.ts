import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { Id } from '../../../../platform/http/schemas.js';
import { loyaltyPrograms } from '../../schema.js';
import { lockProgram } from '../loyalty-ledger.js';

/** An archived program earns and spends no more points; its ledger and balances stay readable. */
export const setLoyaltyProgramArchived = defineAction({
  name: 'crm.setLoyaltyProgramArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { id, archived }) {
    const before = await lockProgram(ctx.tx, id);
    const [after] = await ctx.tx
      .update(loyaltyPrograms)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(loyaltyPrograms.id, id))
      .returning();
    ctx.audit({
      entity: 'loyaltyProgram',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
