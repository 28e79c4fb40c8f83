import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { marketingEvents, sources } from '../../schema.js';
import { EventFields } from '../marketing-schemas.js';
import { lockMarketingEvent } from './lock-marketing-event.js';

export const updateMarketingEvent = defineAction({
  name: 'crm.updateMarketingEvent',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(EventFields)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockMarketingEvent(ctx.tx, id);
    const startsOn = changes.startsOn ?? before.startsOn;
    const endsOn = changes.endsOn ?? before.endsOn;
    if (endsOn < startsOn) throw invalidField('endsOn', 'must not be before startsOn');
    const [after] = await ctx.tx
      .update(marketingEvents)
      .set(changes)
      .where(eq(marketingEvents.id, id))
      .returning();
    if (changes.name)
      await ctx.tx.update(sources).set({ name: changes.name }).where(eq(sources.id, before.sourceId));
    ctx.audit({ entity: 'marketingEvent', entityId: id, before, after });
    return after;
  },
});
