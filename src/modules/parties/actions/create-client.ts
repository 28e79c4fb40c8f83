import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalidField } from '../../../platform/http/problem.js';
import { ClientFields } from '../party-schemas.js';
import { duplicatesProblem, findDuplicateClients } from '../queries.js';
import { nameKey } from '../rules/name-key.js';
import { clients } from '../schema.js';
import { assertMayAssign } from '../visibility.js';
import {
  applyCustomValues,
  checkListed,
  checkMember,
  cleanEmail,
  cleanOptional,
  cleanPhone,
  cleanTags,
  FieldProblems,
  phoneCountry,
} from './party-rules.js';

export const CreateClientInput = Type.Object(
  {
    ...ClientFields,
    taxId: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'Tax id of the counterparty this client will have, if known: only looked for among existing clients, not stored',
      }),
    ),
    refuseDuplicates: Type.Optional(
      Type.Boolean({ description: 'Answer 409 instead of creating when possible duplicates exist' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * A new client. Possible duplicates do not stop it (two shops may share a name) but come back
 * with it, so the person can look and merge; an import may ask to be refused instead.
 */
export const createClient = defineAction({
  name: 'parties.createClient',
  input: CreateClientInput,
  permission: 'parties:write',
  async run(ctx, input) {
    const { tx, actor } = ctx;
    const { refuseDuplicates, taxId, ...fields } = input;
    const responsibleUserId = fields.responsibleUserId ?? actor.userId;
    if (!responsibleUserId) throw invalidField('responsibleUserId', 'is required when no person is acting');
    assertMayAssign(actor, responsibleUserId);

    const problems = new FieldProblems();
    if (!fields.name.trim()) problems.add('name', 'is blank');
    const country = await phoneCountry(tx, fields.address);
    const phone = cleanOptional(fields.phone, (p) => cleanPhone(p, country, 'phone', problems));
    const email = cleanOptional(fields.email, (e) => cleanEmail(e, 'email', problems));
    await checkMember(tx, responsibleUserId, 'responsibleUserId', problems);
    if (fields.industryId) await checkListed(tx, 'industry', fields.industryId, 'industryId', problems);
    const custom = await applyCustomValues(tx, 'client', fields.custom ?? {}, { creating: true }, problems);
    problems.throwIfAny();

    const name = fields.name.trim();
    const possibleDuplicates = await findDuplicateClients(tx, actor, { name, phone, email, taxId });
    if (refuseDuplicates && possibleDuplicates.length)
      throw duplicatesProblem(
        'client',
        possibleDuplicates.map((d) => ({ id: d.id, title: d.name, matchedBy: d.matchedBy })),
      );

    const [client] = await tx
      .insert(clients)
      .values({
        ...fields,
        tenantId: ctx.tenantId,
        name,
        nameKey: nameKey(name),
        phone: phone ?? null,
        email: email ?? null,
        responsibleUserId,
        tags: cleanTags(fields.tags ?? []),
        custom,
      })
      .returning();
    ctx.audit({
      entity: 'client',
      entityId: client.id,
      after: { ...client, possibleDuplicates: possibleDuplicates.map((d) => d.id) },
    });
    ctx.emit('parties.clientCreated', { clientId: client.id, responsibleUserId });
    return { ...client, possibleDuplicates };
  },
});
