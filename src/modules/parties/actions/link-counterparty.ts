import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalidField } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { LinkFields } from '../party-schemas.js';
import { loadVisibleCounterparty } from '../queries.js';
import { rangeProblem } from '../rules/date-ranges.js';
import { clientCounterparties } from '../schema.js';
import { refuseOverlap } from './link-rules.js';
import { lockEditableClient } from './party-rules.js';

/** From `validFrom` (and to `validTo`, inclusive, if given) this counterparty signs for the client. */
export const linkCounterparty = defineAction({
  name: 'parties.linkCounterparty',
  input: Type.Object({ clientId: Id, ...LinkFields }, { additionalProperties: false }),
  permission: 'parties:write',
  async run(ctx, input) {
    const { tx, actor } = ctx;
    const range = { from: input.validFrom, to: input.validTo ?? null };
    const wrongRange = rangeProblem(range);
    if (wrongRange) throw invalidField('validTo', wrongRange);
    // The lock queues concurrent links of this client, so two overlapping ones cannot both pass the check.
    await lockEditableClient(tx, actor, input.clientId, {
      field: 'clientId',
      doing: 'linking counterparties',
    });
    const counterparty = await loadVisibleCounterparty(tx, actor, input.counterpartyId);
    if (!counterparty)
      throw invalidField('counterpartyId', `no counterparty has the id ${input.counterpartyId}`);
    if (counterparty.archivedAt)
      throw invalidField(
        'counterpartyId',
        `counterparty "${counterparty.legalName}" is archived; restore it first`,
      );
    await refuseOverlap(tx, input, range, 'validFrom');

    const [link] = await tx
      .insert(clientCounterparties)
      .values({
        tenantId: ctx.tenantId,
        clientId: input.clientId,
        counterpartyId: input.counterpartyId,
        validFrom: range.from,
        validTo: range.to,
      })
      .returning();
    ctx.audit({ entity: 'clientCounterparty', entityId: link.id, after: link });
    ctx.emit('parties.counterpartyLinked', {
      linkId: link.id,
      clientId: link.clientId,
      counterpartyId: link.counterpartyId,
    });
    return link;
  },
});
