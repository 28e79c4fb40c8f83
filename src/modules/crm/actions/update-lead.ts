import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { checkLeadIntake } from '../rules/lead-intake.js';
import { leads } from '../schema.js';
import { assertSourceUsable, responsibleUser, workspaceCountry } from './activity-links.js';
import { LeadChanges } from './activity-schemas.js';
import { leadColumns, leadFields } from './lead-columns.js';
import { assertLeadOpen, lockVisibleLead } from './lead-rules.js';

/** Corrects what a new lead says, or hands it to someone else; the whole lead is checked again. */
export const updateLead = defineAction({
  name: 'crm.updateLead',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(LeadChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, sourceId, responsibleUserId, ...changes }) {
    const before = await lockVisibleLead(ctx.tx, ctx.actor, id);
    assertLeadOpen(before, 'changed');
    const intake = checkLeadIntake(
      { ...before, ...changes },
      { defaultCountry: await workspaceCountry(ctx.tx) },
    );
    if (!intake.ok) throw invalid(intake.errors);
    if (sourceId && sourceId !== before.sourceId) await assertSourceUsable(ctx.tx, sourceId);
    const responsible =
      responsibleUserId && responsibleUserId !== before.responsibleUserId
        ? await responsibleUser(ctx.tx, ctx.actor, responsibleUserId, 'responsibleUserId')
        : before.responsibleUserId;
    const [after] = await ctx.tx
      .update(leads)
      .set({
        ...leadColumns(intake.lead),
        sourceId: sourceId ?? before.sourceId,
        responsibleUserId: responsible,
        updatedAt: new Date(),
      })
      .where(eq(leads.id, id))
      .returning(leadFields);
    ctx.audit({ entity: 'lead', entityId: id, before, after });
    return after;
  },
});
