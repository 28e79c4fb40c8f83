import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../../platform/actions/define-action.js';
import { invalid, notFound } from '../../../../platform/http/problem.js';
import { Id } from '../../../../platform/http/schemas.js';
import { clients, contacts } from '../../../parties/schema.js';
import { eventAttendees, leads, marketingEvents } from '../../schema.js';
import { AttendeeStatus } from '../marketing-schemas.js';

/** Someone registered for (or came to) an event: a client, one of its contacts, or a lead. */
export const registerAttendee = defineAction({
  name: 'crm.registerAttendee',
  input: Type.Object(
    {
      eventId: Id,
      clientId: Type.Optional(Id),
      contactId: Type.Optional(Id),
      leadId: Type.Optional(Id),
      status: Type.Optional(AttendeeStatus),
    },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, input) {
    const [event] = await ctx.tx.select().from(marketingEvents).where(eq(marketingEvents.id, input.eventId));
    if (!event) throw notFound('Marketing event', input.eventId);
    if (!input.clientId && !input.contactId && !input.leadId) {
      throw invalid([{ field: 'clientId', reason: 'name the client, a contact or a lead who attends' }]);
    }
    let clientId = input.clientId ?? null;
    if (input.contactId) {
      const [contact] = await ctx.tx
        .select({ clientId: contacts.clientId })
        .from(contacts)
        .where(eq(contacts.id, input.contactId));
      if (!contact) throw invalid([{ field: 'contactId', reason: 'no such contact' }]);
      if (clientId && contact.clientId !== clientId)
        throw invalid([{ field: 'contactId', reason: 'belongs to another client' }]);
      clientId = contact.clientId;
    }
    if (clientId) {
      const [client] = await ctx.tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
      if (!client) throw invalid([{ field: 'clientId', reason: 'no such client' }]);
    }
    if (input.leadId) {
      const [lead] = await ctx.tx.select({ id: leads.id }).from(leads).where(eq(leads.id, input.leadId));
      if (!lead) throw invalid([{ field: 'leadId', reason: 'no such lead' }]);
    }
    const [attendee] = await ctx.tx
      .insert(eventAttendees)
      .values({
        tenantId: ctx.tenantId,
        eventId: event.id,
        clientId,
        contactId: input.contactId ?? null,
        leadId: input.leadId ?? null,
        status: input.status ?? 'registered',
      })
      .returning();
    ctx.audit({ entity: 'eventAttendee', entityId: attendee.id, after: attendee });
    return attendee;
  },
});
