import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { CounterpartyFields } from '../party-schemas.js';
import { duplicatesProblem, findDuplicateCounterparties } from '../queries.js';
import { counterparties } from '../schema.js';
import { cleanBankAccounts, cleanTaxId } from './counterparty-rules.js';
import { checkCountry, FieldProblems } from './party-rules.js';

/**
 * A legal entity or sole trader. The same tax id twice is only a warning: in some countries
 * branches share the tax id of their company and differ by registration number.
 */
export const createCounterparty = defineAction({
  name: 'parties.createCounterparty',
  input: Type.Object(
    {
      ...CounterpartyFields,
      refuseDuplicates: Type.Optional(
        Type.Boolean({ description: 'Answer 409 instead of creating when possible duplicates exist' }),
      ),
    },
    { additionalProperties: false },
  ),
  permission: 'parties:write',
  async run(ctx, { refuseDuplicates, ...fields }) {
    const problems = new FieldProblems();
    if (!fields.legalName.trim()) problems.add('legalName', 'is blank');
    await checkCountry(ctx.tx, fields.country, 'country', problems);
    const taxId = cleanTaxId(fields.taxId, fields.country, problems) ?? null;
    problems.throwIfAny();

    const legalName = fields.legalName.trim();
    const possibleDuplicates = await findDuplicateCounterparties(ctx.tx, ctx.actor, {
      legalName,
      taxId,
      country: fields.country,
    });
    if (refuseDuplicates && possibleDuplicates.length)
      throw duplicatesProblem(
        'counterparty',
        possibleDuplicates.map((d) => ({ id: d.id, title: d.legalName, matchedBy: d.matchedBy })),
      );
    const [counterparty] = await ctx.tx
      .insert(counterparties)
      .values({
        ...fields,
        tenantId: ctx.tenantId,
        legalName,
        taxId,
        bankAccounts: cleanBankAccounts(fields.bankAccounts ?? []),
      })
      .returning();
    ctx.audit({ entity: 'counterparty', entityId: counterparty.id, after: counterparty });
    ctx.emit('parties.counterpartyCreated', { counterpartyId: counterparty.id });
    return { ...counterparty, possibleDuplicates };
  },
});
