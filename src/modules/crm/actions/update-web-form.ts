import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { webForms } from '../schema.js';
import { assertActiveMember, assertSourceUsable } from './activity-links.js';
import { showWebForm, WebFormFields } from './activity-schemas.js';
import { lockWebForm } from './web-form-rules.js';

/** Renames a form or sends its leads elsewhere; its key stays, so the web page keeps working. */
export const updateWebForm = defineAction({
  name: 'crm.updateWebForm',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(WebFormFields)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockWebForm(ctx.tx, id);
    if (before.archivedAt)
      throw conflict(`Web form "${before.name}" is archived; restore it before editing.`);
    if (changes.sourceId && changes.sourceId !== before.sourceId)
      await assertSourceUsable(ctx.tx, changes.sourceId);
    if (changes.responsibleUserId && changes.responsibleUserId !== before.responsibleUserId)
      await assertActiveMember(ctx.tx, ctx.tenantId, changes.responsibleUserId, 'responsibleUserId');
    const [after] = await ctx.tx.update(webForms).set(changes).where(eq(webForms.id, id)).returning();
    ctx.audit({ entity: 'webForm', entityId: id, before, after });
    return showWebForm(after);
  },
});
