import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { sources } from '../schema.js';
import { lockSource } from './source-rules.js';

/** Archived sources stay on the records they brought, but leave the pickers. */
export const setSourceArchived = defineAction({
  name: 'crm.setSourceArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { id, archived }) {
    const before = await lockSource(ctx.tx, id);
    const [after] = await ctx.tx
      .update(sources)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(sources.id, id))
      .returning();
    ctx.audit({
      entity: 'source',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
