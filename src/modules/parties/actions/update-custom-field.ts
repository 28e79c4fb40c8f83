import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { CustomFieldChanges } from '../party-schemas.js';
import { customFields } from '../schema.js';
import { checkFieldOptions, lockCustomField } from './custom-field-rules.js';
import { FieldProblems } from './party-rules.js';

/**
 * Label, choices and whether it is required may change; entity, key and type may not, since
 * stored values were checked against them. A removed choice stays on records that have it.
 */
export const updateCustomField = defineAction({
  name: 'parties.updateCustomField',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(CustomFieldChanges)).properties },
    { additionalProperties: false },
  ),
  permission: 'parties:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockCustomField(ctx.tx, id);
    if (before.archivedAt)
      throw conflict(`Custom field "${before.key}" is archived; restore it before changing it.`, [
        { field: 'id', reason: 'is archived' },
      ]);
    const problems = new FieldProblems();
    if (changes.options) checkFieldOptions(before.type, changes.options, problems);
    problems.throwIfAny();
    const [after] = await ctx.tx.update(customFields).set(changes).where(eq(customFields.id, id)).returning();
    ctx.audit({ entity: 'customField', entityId: id, before, after });
    return after;
  },
});
