import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { CustomFieldFields } from '../party-schemas.js';
import { customFields } from '../schema.js';
import { checkFieldOptions } from './custom-field-rules.js';
import { FieldProblems } from './party-rules.js';

/** A field the tenant adds to clients, contacts, deals or leads; its values live in each record's `custom`. */
export const createCustomField = defineAction({
  name: 'parties.createCustomField',
  input: Type.Object(CustomFieldFields, { additionalProperties: false }),
  permission: 'parties:manage',
  async run(ctx, input) {
    const problems = new FieldProblems();
    const options = input.options ?? {};
    checkFieldOptions(input.type, options, problems);
    problems.throwIfAny();
    const [taken] = await ctx.tx
      .select({ archivedAt: customFields.archivedAt })
      .from(customFields)
      .where(and(eq(customFields.entity, input.entity), eq(customFields.key, input.key)));
    if (taken)
      throw conflict(
        `The ${input.entity}s already have a custom field "${input.key}"${taken.archivedAt ? ' (archived: restore it instead)' : ''}.`,
        [{ field: 'key', reason: 'is already taken' }],
      );
    const [field] = await ctx.tx
      .insert(customFields)
      .values({ ...input, tenantId: ctx.tenantId, options, required: input.required ?? false })
      .returning();
    ctx.audit({ entity: 'customField', entityId: field.id, after: field });
    return field;
  },
});
