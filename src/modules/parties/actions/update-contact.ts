import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { ContactChanges } from '../party-schemas.js';
import { clients, contacts } from '../schema.js';
import { lockVisibleContact } from './contact-rules.js';
import {
  applyCustomValues,
  checkListed,
  cleanEmails,
  cleanPhones,
  FieldProblems,
  phoneCountry,
} from './party-rules.js';

export const updateContact = defineAction({
  name: 'parties.updateContact',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(ContactChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'parties:write',
  async run(ctx, { id, ...changes }) {
    const { tx } = ctx;
    const before = await lockVisibleContact(tx, ctx.actor, id);
    if (before.archivedAt)
      throw conflict('This contact is archived; restore it before changing it.', [
        { field: 'id', reason: 'is archived' },
      ]);
    const problems = new FieldProblems();
    if (changes.firstName !== undefined && !changes.firstName.trim()) problems.add('firstName', 'is blank');
    let phones: string[] | undefined;
    if (changes.phones) {
      const [client] = await tx
        .select({ address: clients.address })
        .from(clients)
        .where(eq(clients.id, before.clientId));
      phones = cleanPhones(changes.phones, await phoneCountry(tx, client?.address), problems);
    }
    const emails = changes.emails && cleanEmails(changes.emails, problems);
    if (changes.positionId && changes.positionId !== before.positionId)
      await checkListed(tx, 'position', changes.positionId, 'positionId', problems);
    const custom =
      changes.custom === undefined
        ? undefined
        : await applyCustomValues(
            tx,
            'contact',
            changes.custom,
            { current: before.custom, creating: false },
            problems,
          );
    problems.throwIfAny();

    const [after] = await tx
      .update(contacts)
      .set({
        ...changes,
        firstName: changes.firstName?.trim(),
        phones,
        emails,
        custom,
        updatedAt: new Date(),
      })
      .where(eq(contacts.id, id))
      .returning();
    ctx.audit({ entity: 'contact', entityId: id, before, after });
    ctx.emit('parties.contactUpdated', { contactId: id, clientId: after.clientId });
    return after;
  },
});
