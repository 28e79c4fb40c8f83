import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { assertContactsOfClient, clientOfDeal, loadVisibleDeal } from '../deal-checks.js';
import { DealContactInput } from '../deal-schemas.js';
import { dealContacts, deals } from '../schema.js';

/** Sets who at the client takes part in a deal, and their roles: the list given replaces the one before. */
export const setDealContacts = defineAction({
  name: 'crm.setDealContacts',
  input: Type.Object(
    { id: Id, contacts: Type.Array(DealContactInput, { maxItems: 100 }) },
    { additionalProperties: false },
  ),
  permission: 'crm:write',
  async run(ctx, { id, contacts }) {
    const { tx, actor } = ctx;
    const deal = await loadVisibleDeal(tx, actor, id, { lock: true });
    await assertContactsOfClient(tx, await clientOfDeal(tx, deal), contacts);
    const before = await tx
      .select({ contactId: dealContacts.contactId, role: dealContacts.role })
      .from(dealContacts)
      .where(eq(dealContacts.dealId, id));
    await tx.delete(dealContacts).where(eq(dealContacts.dealId, id));
    const after = contacts.map((c) => ({ contactId: c.contactId, role: c.role ?? null }));
    if (after.length)
      await tx.insert(dealContacts).values(after.map((c) => ({ ...c, tenantId: ctx.tenantId, dealId: id })));
    await tx.update(deals).set({ updatedAt: new Date() }).where(eq(deals.id, id));
    ctx.audit({ entity: 'deal', entityId: id, before: { contacts: before }, after: { contacts: after } });
    return { id, contacts: after };
  },
});
