import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { ClientFields } from '../party-schemas.js';
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
  lockEditableClient,
  phoneCountry,
} from './party-rules.js';

export const updateClient = defineAction({
  name: 'parties.updateClient',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(ClientFields)).properties },
    { additionalProperties: false },
  ),
  permission: 'parties:write',
  async run(ctx, { id, ...changes }) {
    const { tx, actor } = ctx;
    const before = await lockEditableClient(tx, actor, id);
    const problems = new FieldProblems();
    if (changes.name !== undefined && !changes.name.trim()) problems.add('name', 'is blank');
    const handingOver =
      changes.responsibleUserId !== undefined && changes.responsibleUserId !== before.responsibleUserId;
    if (handingOver) {
      assertMayAssign(actor, changes.responsibleUserId!);
      await checkMember(tx, changes.responsibleUserId!, 'responsibleUserId', problems);
    }
    const address = changes.address === undefined ? before.address : changes.address;
    const country = await phoneCountry(tx, address);
    const phone = cleanOptional(changes.phone, (p) => cleanPhone(p, country, 'phone', problems));
    const email = cleanOptional(changes.email, (e) => cleanEmail(e, 'email', problems));
    if (changes.industryId && changes.industryId !== before.industryId)
      await checkListed(tx, 'industry', changes.industryId, 'industryId', problems);
    const custom =
      changes.custom === undefined
        ? undefined
        : await applyCustomValues(
            tx,
            'client',
            changes.custom,
            { current: before.custom, creating: false },
            problems,
          );
    problems.throwIfAny();

    const name = changes.name?.trim();
    const [after] = await tx
      .update(clients)
      .set({
        ...changes,
        ...(name ? { name, nameKey: nameKey(name) } : {}),
        phone,
        email,
        custom,
        tags: changes.tags && cleanTags(changes.tags),
        updatedAt: new Date(),
      })
      .where(eq(clients.id, id))
      .returning();
    ctx.audit({ entity: 'client', entityId: id, before, after });
    ctx.emit('parties.clientUpdated', { clientId: id });
    if (handingOver)
      ctx.emit('parties.clientHandedOver', {
        clientId: id,
        fromUserId: before.responsibleUserId,
        toUserId: after.responsibleUserId,
      });
    return after;
  },
});
