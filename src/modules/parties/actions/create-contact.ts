import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { ContactFields } from '../party-schemas.js';
import { contacts } from '../schema.js';
import {
  applyCustomValues,
  checkListed,
  cleanEmails,
  cleanPhones,
  FieldProblems,
  lockEditableClient,
  phoneCountry,
} from './party-rules.js';

/** A person at a client. Phones are read in the client's country unless written with +. */
export const createContact = defineAction({
  name: 'parties.createContact',
  input: Type.Object(ContactFields, { additionalProperties: false }),
  permission: 'parties:write',
  async run(ctx, input) {
    const { tx } = ctx;
    // Locked so a merge of this client cannot pass between this check and the insert.
    const client = await lockEditableClient(tx, ctx.actor, input.clientId, {
      field: 'clientId',
      doing: 'adding contacts',
      inBody: true,
    });
    const problems = new FieldProblems();
    if (!input.firstName.trim()) problems.add('firstName', 'is blank');
    const phones = cleanPhones(input.phones ?? [], await phoneCountry(tx, client.address), problems);
    const emails = cleanEmails(input.emails ?? [], problems);
    if (input.positionId) await checkListed(tx, 'position', input.positionId, 'positionId', problems);
    const custom = await applyCustomValues(tx, 'contact', input.custom ?? {}, { creating: true }, problems);
    problems.throwIfAny();

    const [contact] = await tx
      .insert(contacts)
      .values({
        ...input,
        tenantId: ctx.tenantId,
        firstName: input.firstName.trim(),
        lastName: input.lastName?.trim() || null,
        phones,
        emails,
        custom,
      })
      .returning();
    ctx.audit({ entity: 'contact', entityId: contact.id, after: contact });
    ctx.emit('parties.contactCreated', { contactId: contact.id, clientId: contact.clientId });
    return contact;
  },
});
