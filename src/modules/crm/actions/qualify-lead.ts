import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { can } from '../../../platform/actions/actor.js';
import { type ActionContext, defineAction } from '../../../platform/actions/define-action.js';
import { CurrencyCode } from '../../../platform/directories/index.js';
import { conflict, type FieldError, forbidden, invalid, notFound } from '../../../platform/http/problem.js';
import { DateOnly, Id, Name, Nullable } from '../../../platform/http/schemas.js';
import { ownRecordsOnly } from '../../../platform/rbac/own-records.js';
import { nameKey } from '../../parties/rules/name-key.js';
import { normaliseEmail } from '../../parties/rules/normalise-email.js';
import { normalisePhone } from '../../parties/rules/normalise-phone.js';
import { clients, contacts } from '../../parties/schema.js';
import { usableClient } from '../deal-checks.js';
import { Money } from '../deal-schemas.js';
import { clientAttribution, leads } from '../schema.js';
import { createDeal } from './create-deal.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const QualifyLeadFields = {
  clientId: Type.Optional(Id),
  newClient: Type.Optional(
    Type.Object(
      {
        name: Name,
        kind: Type.Union([Type.Literal('organization'), Type.Literal('person')]),
      },
      { additionalProperties: false },
    ),
  ),
  contact: Type.Object(
    {
      firstName: Text(100),
      lastName: Type.Optional(Nullable(Text(100))),
      email: Type.Optional(Nullable(Text(320))),
      phone: Type.Optional(Nullable(Text(40))),
      role: Type.Optional(Nullable(Text(100))),
    },
    { additionalProperties: false },
  ),
  deal: Type.Object(
    {
      title: Name,
      pipelineId: Type.Optional(Id),
      amount: Type.Optional(Nullable(Money)),
      currency: CurrencyCode,
      expectedClose: Type.Optional(Nullable(DateOnly)),
    },
    { additionalProperties: false },
  ),
};

/** The contact's email and phone as stored, falling back to what the lead gave. */
function contactChannels(
  contact: { email?: string | null; phone?: string | null },
  lead: { email: string | null; phone: string | null },
) {
  const problems: FieldError[] = [];
  let email = lead.email;
  if (contact.email) {
    const checked = normaliseEmail(contact.email);
    if (checked.ok) email = checked.email;
    else problems.push({ field: 'contact.email', reason: checked.reason });
  }
  let phone = lead.phone;
  if (contact.phone) {
    const checked = normalisePhone(contact.phone);
    if (checked.ok) phone = checked.e164;
    else problems.push({ field: 'contact.phone', reason: checked.reason });
  }
  if (problems.length) throw invalid(problems);
  return { email, phone };
}

/** A new client, made here while the parties actions are written; its responsible is the lead's. */
async function addClient(
  ctx: ActionContext,
  responsibleUserId: string,
  fields: { name: string; kind: 'organization' | 'person' },
  channels: { email: string | null; phone: string | null },
) {
  // A person is reached at their own email and phone; an organisation through its contacts.
  const own = fields.kind === 'person' ? channels : { email: null, phone: null };
  const [added] = await ctx.tx
    .insert(clients)
    .values({
      tenantId: ctx.tenantId,
      name: fields.name,
      kind: fields.kind,
      nameKey: nameKey(fields.name),
      responsibleUserId,
      ...own,
    })
    .returning();
  ctx.audit({ entity: 'client', entityId: added.id, after: added });
  return added;
}

/**
 * Turns a lead into business in one step: its client (an existing one, or a new one that
 * remembers the lead's source as its first), a contact there and a deal carrying the lead's
 * source. The lead is closed as qualified and points at all three.
 */
export const qualifyLead = defineAction({
  name: 'crm.qualifyLead',
  input: Type.Object({ leadId: Id, ...QualifyLeadFields }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, input) {
    const { tx, actor } = ctx;
    const [lead] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.id, input.leadId), ownRecordsOnly(actor, leads.responsibleUserId)))
      .for('update');
    if (!lead) throw notFound('Lead', input.leadId);
    if (lead.status !== 'new')
      throw conflict(`This lead is already ${lead.status}; only a new lead can be qualified.`);
    if (input.clientId && input.newClient)
      throw invalid([{ field: 'newClient', reason: 'give either clientId or newClient, not both' }]);
    const existingClientId = input.clientId ?? (input.newClient ? undefined : lead.clientId);
    if (!existingClientId && !input.newClient)
      throw invalid([{ field: 'clientId', reason: 'is required unless newClient is given' }]);
    if (input.newClient && !can(actor, 'parties:write'))
      throw forbidden('You need the "parties:write" permission to add a client.');
    const { email, phone } = contactChannels(input.contact, lead);

    const client = existingClientId
      ? await usableClient(tx, actor, existingClientId)
      : await addClient(ctx, lead.responsibleUserId, input.newClient!, { email, phone });
    if (!existingClientId && lead.sourceId)
      await tx
        .insert(clientAttribution)
        .values({ tenantId: ctx.tenantId, clientId: client.id, firstSourceId: lead.sourceId });

    const [contact] = await tx
      .insert(contacts)
      .values({
        tenantId: ctx.tenantId,
        clientId: client.id,
        firstName: input.contact.firstName,
        lastName: input.contact.lastName ?? null,
        role: input.contact.role ?? null,
        emails: email ? [email] : [],
        phones: phone ? [phone] : [],
      })
      .returning();
    const deal = await ctx.call(createDeal, {
      ...input.deal,
      clientId: client.id,
      responsibleUserId: lead.responsibleUserId,
      ...(lead.sourceId ? { sourceId: lead.sourceId } : {}),
      contacts: [{ contactId: contact.id, role: input.contact.role ?? null }],
    });

    const [after] = await tx
      .update(leads)
      .set({
        status: 'qualified',
        clientId: client.id,
        contactId: contact.id,
        dealId: deal.id,
        closedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(leads.id, lead.id))
      .returning();
    ctx.audit({ entity: 'contact', entityId: contact.id, after: contact });
    ctx.audit({ entity: 'lead', entityId: lead.id, before: lead, after });
    ctx.emit('crm.leadQualified', {
      leadId: lead.id,
      clientId: client.id,
      contactId: contact.id,
      dealId: deal.id,
      sourceId: lead.sourceId,
      newClient: !existingClientId,
    });
    return { lead: after, client, contact, deal };
  },
});
