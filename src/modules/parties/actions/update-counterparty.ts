import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict, notFound } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { CounterpartyFields } from '../party-schemas.js';
import { loadVisibleCounterparty } from '../queries.js';
import { counterparties } from '../schema.js';
import { cleanBankAccounts, cleanTaxId } from './counterparty-rules.js';
import { checkCountry, FieldProblems } from './party-rules.js';

export const updateCounterparty = defineAction({
  name: 'parties.updateCounterparty',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(CounterpartyFields)).properties },
    { additionalProperties: false },
  ),
  permission: 'parties:write',
  async run(ctx, { id, ...changes }) {
    const before = await loadVisibleCounterparty(ctx.tx, ctx.actor, id, true);
    if (!before) throw notFound('Counterparty', id);
    if (before.archivedAt)
      throw conflict(`Counterparty "${before.legalName}" is archived; restore it before changing it.`, [
        { field: 'id', reason: 'is archived' },
      ]);
    const problems = new FieldProblems();
    if (changes.legalName !== undefined && !changes.legalName.trim()) problems.add('legalName', 'is blank');
    const country = changes.country ?? before.country;
    if (changes.country && changes.country !== before.country)
      await checkCountry(ctx.tx, changes.country, 'country', problems);
    // A new country re-checks the tax id already on file, under that country's rules.
    const taxIdToCheck =
      changes.taxId !== undefined ? changes.taxId : changes.country ? before.taxId : undefined;
    const taxId = cleanTaxId(taxIdToCheck, country, problems);
    problems.throwIfAny();

    const [after] = await ctx.tx
      .update(counterparties)
      .set({
        ...changes,
        legalName: changes.legalName?.trim(),
        taxId,
        bankAccounts: changes.bankAccounts && cleanBankAccounts(changes.bankAccounts),
        updatedAt: new Date(),
      })
      .where(eq(counterparties.id, id))
      .returning();
    ctx.audit({ entity: 'counterparty', entityId: id, before, after });
    ctx.emit('parties.counterpartyUpdated', { counterpartyId: id });
    return after;
  },
});
