import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalidField, notFound } from '../../../platform/http/problem.js';
import { DateOnly, Id } from '../../../platform/http/schemas.js';
import { rangeProblem } from '../rules/date-ranges.js';
import { clientCounterparties } from '../schema.js';
import { loadLink, refuseOverlap } from './link-rules.js';
import { lockEditableClient } from './party-rules.js';

/** The counterparty stops signing for the client after `validTo` (inclusive); the link stays as history. */
export const endCounterpartyLink = defineAction({
  name: 'parties.endCounterpartyLink',
  input: Type.Object({ id: Id, validTo: DateOnly }, { additionalProperties: false }),
  permission: 'parties:write',
  async run(ctx, { id, validTo }) {
    const { tx, actor } = ctx;
    const found = await loadLink(tx, id);
    if (!found) throw notFound('Counterparty link', id);
    // 404 for a rep who may not see the client, as if the link did not exist.
    await lockEditableClient(tx, actor, found.clientId, { doing: 'changing its counterparties' }).catch(
      (e) => {
        throw e?.status === 404 ? notFound('Counterparty link', id) : e;
      },
    );
    const before = (await loadLink(tx, id))!;
    const range = { from: before.validFrom, to: validTo };
    const wrongRange = rangeProblem(range);
    if (wrongRange) throw invalidField('validTo', wrongRange);
    // Moving an end later could reach the next link of the same pair.
    await refuseOverlap(tx, { ...before, exceptLinkId: id }, range, 'validTo');

    const [after] = await tx
      .update(clientCounterparties)
      .set({ validTo })
      .where(eq(clientCounterparties.id, id))
      .returning();
    ctx.audit({ entity: 'clientCounterparty', entityId: id, before, after });
    ctx.emit('parties.counterpartyLinkEnded', {
      linkId: id,
      clientId: after.clientId,
      counterpartyId: after.counterpartyId,
      validTo,
    });
    return after;
  },
});
