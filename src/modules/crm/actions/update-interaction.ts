import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { checkInteraction } from '../rules/interaction-fields.js';
import { planInteractionReminder, remindAgain } from '../rules/reminder-time.js';
import { interactions } from '../schema.js';
import { assertSourceUsable, resolveLinks, responsibleUser } from './activity-links.js';
import { InteractionChanges, toDate } from './activity-schemas.js';
import { lockVisibleInteraction } from './interaction-rules.js';

/** Corrects or reschedules an interaction; a moved reminder fires again. Its client stays. */
export const updateInteraction = defineAction({
  name: 'crm.updateInteraction',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(InteractionChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, ...changes }) {
    const before = await lockVisibleInteraction(ctx.tx, ctx.actor, id, 'edit');
    const after = {
      ...before,
      ...changes,
      occursAt: changes.occursAt ? new Date(changes.occursAt) : before.occursAt,
    };
    const errors = checkInteraction(after, new Date());
    const reminder = planInteractionReminder({
      status: before.status,
      occursAt: after.occursAt,
      requested: toDate(changes.remindAt),
      previous: before,
    });
    if (!reminder.ok) errors.push(reminder.error);
    if (errors.length || !reminder.ok) throw invalid(errors);

    if (changes.contactId !== undefined || changes.dealId !== undefined)
      await resolveLinks(ctx.tx, ctx.actor, after);
    if (changes.responsibleUserId && changes.responsibleUserId !== before.responsibleUserId)
      await responsibleUser(ctx.tx, ctx.actor, changes.responsibleUserId, 'responsibleUserId');
    if (changes.sourceId && changes.sourceId !== before.sourceId)
      await assertSourceUsable(ctx.tx, changes.sourceId);

    const [row] = await ctx.tx
      .update(interactions)
      .set({
        ...changes,
        occursAt: after.occursAt,
        remindAt: reminder.remindAt,
        remindedAt: remindAgain(before.remindAt, reminder.remindAt) ? null : before.remindedAt,
        updatedAt: new Date(),
      })
      .where(eq(interactions.id, id))
      .returning();
    ctx.audit({ entity: 'interaction', entityId: id, before, after: row });
    return row;
  },
});
