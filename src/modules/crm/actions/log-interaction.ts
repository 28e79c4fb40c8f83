import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid, invalidField } from '../../../platform/http/problem.js';
import { checkInteraction } from '../rules/interaction-fields.js';
import { planInteractionReminder } from '../rules/reminder-time.js';
import { interactions } from '../schema.js';
import {
  assertSourceUsable,
  firstSourceOf,
  resolveLinks,
  responsibleUser,
  stampedNow,
} from './activity-links.js';
import { NewInteractionFields, toDate } from './activity-schemas.js';
import { interactionEvent } from './interaction-rules.js';

/**
 * Logs a meeting, call, SMS, email or note with a client, done or planned. A planned one reminds
 * its responsible person (15 minutes before unless told). It carries the source that brought the
 * client unless it names another.
 */
export const logInteraction = defineAction({
  name: 'crm.logInteraction',
  input: Type.Object(NewInteractionFields, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, input) {
    const status = input.status ?? 'done';
    if (status === 'planned' && !input.occursAt)
      throw invalidField('occursAt', 'is required for a planned interaction: say when it will happen');
    const now = new Date();
    const occursAt = input.occursAt ? new Date(input.occursAt) : now;
    const errors = checkInteraction({ ...input, status, occursAt }, now);
    const reminder = planInteractionReminder({ status, occursAt, requested: toDate(input.remindAt) });
    if (!reminder.ok) errors.push(reminder.error);
    if (errors.length || !reminder.ok) throw invalid(errors);

    const clientId = (await resolveLinks(ctx.tx, ctx.actor, input)) ?? input.clientId;
    const responsibleUserId = await responsibleUser(
      ctx.tx,
      ctx.actor,
      input.responsibleUserId,
      'responsibleUserId',
    );
    const sourceId = input.sourceId === undefined ? await firstSourceOf(ctx.tx, clientId) : input.sourceId;
    if (input.sourceId) await assertSourceUsable(ctx.tx, input.sourceId);

    const [interaction] = await ctx.tx
      .insert(interactions)
      .values({
        tenantId: ctx.tenantId,
        kind: input.kind,
        status,
        subject: input.subject,
        body: input.body ?? null,
        clientId,
        contactId: input.contactId ?? null,
        dealId: input.dealId ?? null,
        sourceId,
        responsibleUserId,
        occursAt,
        durationSeconds: input.durationSeconds ?? null,
        outcome: input.outcome ?? null,
        remindAt: reminder.remindAt,
        ...stampedNow(),
      })
      .returning();
    ctx.audit({ entity: 'interaction', entityId: interaction.id, after: interaction });
    ctx.emit('crm.interactionLogged', interactionEvent(interaction));
    return interaction;
  },
});
