import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { checkInteraction, doneAt } from '../rules/interaction-fields.js';
import { interactions } from '../schema.js';
import { InteractionChanges, toDate } from './activity-schemas.js';
import { interactionEvent, lockVisibleInteraction } from './interaction-rules.js';

/** A planned interaction happened: when, how long and how it went (for calls), and what was said. */
export const completeInteraction = defineAction({
  name: 'crm.completeInteraction',
  input: Type.Object(
    {
      id: Id,
      outcome: Type.Optional(InteractionChanges.outcome),
      durationSeconds: Type.Optional(InteractionChanges.durationSeconds),
      occursAt: Type.Optional(InteractionChanges.occursAt),
      body: Type.Optional(InteractionChanges.body),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, occursAt: said, ...report }) {
    const before = await lockVisibleInteraction(ctx.tx, ctx.actor, id, 'done');
    const now = new Date();
    const occursAt = doneAt(before.occursAt, now, toDate(said) ?? undefined);
    const errors = checkInteraction({ ...before, ...report, status: 'done', occursAt }, now);
    if (errors.length) throw invalid(errors);
    const [after] = await ctx.tx
      .update(interactions)
      .set({ ...report, status: 'done', occursAt, updatedAt: now })
      .where(eq(interactions.id, id))
      .returning();
    ctx.audit({ entity: 'interaction', entityId: id, before, after });
    ctx.emit('crm.interactionDone', interactionEvent(after));
    return after;
  },
});
