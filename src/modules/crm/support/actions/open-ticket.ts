import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalidField } from '../../../../platform/http/problem.js';
import { contacts } from '../../../parties/schema.js';
import { assertMayAssign, loadVisibleClient } from '../../../parties/visibility.js';
import { deals, slaPolicies, tickets, workCalendars } from '../../schema.js';
import { OpenTicketFields } from '../ticket-schemas.js';
import { addWorkingMinutes } from '../working-time.js';

/** Takes in a claim or ticket and starts its SLA clocks from the policy for its kind and priority. */
export const openTicket = defineAction({
  name: 'crm.openTicket',
  input: Type.Object(OpenTicketFields, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, input) {
    const client = await loadVisibleClient(ctx.tx, ctx.actor, input.clientId, { bodyField: 'clientId' });
    if (input.contactId) {
      const [contact] = await ctx.tx
        .select({ clientId: contacts.clientId })
        .from(contacts)
        .where(eq(contacts.id, input.contactId));
      if (!contact || contact.clientId !== client.id)
        throw invalidField('contactId', 'is not a contact of this client');
    }
    if (input.dealId) {
      const [deal] = await ctx.tx
        .select({ clientId: deals.clientId })
        .from(deals)
        .where(eq(deals.id, input.dealId));
      if (!deal || deal.clientId !== client.id) throw invalidField('dealId', 'is not a deal of this client');
    }
    const responsibleUserId = input.responsibleUserId ?? client.responsibleUserId;
    assertMayAssign(ctx.actor, responsibleUserId);
    const priority = input.priority ?? 'normal';
    const [policy] = await ctx.tx
      .select({ policy: slaPolicies, calendar: workCalendars })
      .from(slaPolicies)
      .innerJoin(workCalendars, eq(workCalendars.id, slaPolicies.calendarId))
      .where(and(eq(slaPolicies.kind, input.kind), eq(slaPolicies.priority, priority)));
    const now = new Date();
    const due = policy
      ? {
          firstResponseDueAt: addWorkingMinutes(now, policy.policy.firstResponseMinutes, policy.calendar),
          resolutionDueAt: addWorkingMinutes(now, policy.policy.resolutionMinutes, policy.calendar),
        }
      : {};
    const [ticket] = await ctx.tx
      .insert(tickets)
      .values({ ...input, priority, responsibleUserId, tenantId: ctx.tenantId, ...due })
      .returning();
    ctx.audit({ entity: 'ticket', entityId: ticket.id, after: ticket });
    ctx.emit('crm.ticketOpened', { ticketId: ticket.id, kind: ticket.kind, clientId: client.id });
    return ticket;
  },
});
