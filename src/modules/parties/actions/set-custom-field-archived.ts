import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { customFields } from '../schema.js';
import { lockCustomField } from './custom-field-rules.js';

/** An archived field is no longer asked for or accepted; the values already stored stay. */
export const setCustomFieldArchived = defineAction({
  name: 'parties.setCustomFieldArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'parties:manage',
  async run(ctx, { id, archived }) {
    const before = await lockCustomField(ctx.tx, id);
    const [after] = await ctx.tx
      .update(customFields)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(customFields.id, id))
      .returning();
    ctx.audit({
      entity: 'customField',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
