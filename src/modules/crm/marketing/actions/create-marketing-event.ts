import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { marketingEvents, sources } from '../../schema.js';
import { EventFields } from '../marketing-schemas.js';

/** An event is also a source: what it brings is attributed to it like any channel. */
export const createMarketingEvent = defineAction({
  name: 'crm.createMarketingEvent',
  input: Type.Object(EventFields, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, input) {
    if (input.endsOn < input.startsOn) throw invalidField('endsOn', 'must not be before startsOn');
    const [source] = await ctx.tx
      .insert(sources)
      .values({ tenantId: ctx.tenantId, kind: 'event', name: input.name })
      .returning();
    const [event] = await ctx.tx
      .insert(marketingEvents)
      .values({ tenantId: ctx.tenantId, ...input, sourceId: source.id })
      .returning();
    ctx.audit({ entity: 'marketingEvent', entityId: event.id, after: event });
    return event;
  },
});
