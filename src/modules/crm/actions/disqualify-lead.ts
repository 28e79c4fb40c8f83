import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id, Patterned } from '../../../platform/http/schemas.js';
import { leads } from '../schema.js';
import { leadFields } from './lead-columns.js';
import { assertLeadOpen, lockVisibleLead } from './lead-rules.js';

/** Closes a lead that will not become a client, saying why (for the source's quality report). */
export const disqualifyLead = defineAction({
  name: 'crm.disqualifyLead',
  input: Type.Object(
    { id: Id, note: Patterned('\\S', 'must say why the lead is disqualified', { maxLength: 500 }) },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, note }) {
    const before = await lockVisibleLead(ctx.tx, ctx.actor, id);
    assertLeadOpen(before, 'disqualified');
    const now = new Date();
    const [after] = await ctx.tx
      .update(leads)
      .set({ status: 'disqualified', disqualifyReason: note.trim(), closedAt: now, updatedAt: now })
      .where(eq(leads.id, id))
      .returning(leadFields);
    ctx.audit({
      entity: 'lead',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, disqualifyReason: after.disqualifyReason },
    });
    ctx.emit('crm.leadDisqualified', {
      leadId: id,
      sourceId: after.sourceId,
      reason: after.disqualifyReason,
    });
    return after;
  },
});
