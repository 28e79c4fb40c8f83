import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { Id } from '../../../platform/http/schemas.js';
import { webForms } from '../schema.js';
import { showWebForm } from './activity-schemas.js';
import { lockWebForm } from './web-form-rules.js';

/** An archived form's key answers 404: the page that posts it stops adding leads. */
export const setWebFormArchived = defineAction({
  name: 'crm.setWebFormArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { id, archived }) {
    const before = await lockWebForm(ctx.tx, id);
    const [after] = await ctx.tx
      .update(webForms)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
      .where(eq(webForms.id, id))
      .returning();
    ctx.audit({
      entity: 'webForm',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return showWebForm(after);
  },
});
