import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { tenantToken } from '../../../platform/auth/secrets.js';
import { webForms } from '../schema.js';
import { assertActiveMember, assertSourceUsable, stampedNow } from './activity-links.js';
import { showWebForm, WebFormFields } from './activity-schemas.js';

/**
 * A form a website posts leads to. Its key names the workspace (like an API token does) so the
 * public endpoint can find the form under row-level security; it is public, so it is no secret.
 */
export const createWebForm = defineAction({
  name: 'crm.createWebForm',
  input: Type.Object(WebFormFields, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, input) {
    await assertSourceUsable(ctx.tx, input.sourceId);
    await assertActiveMember(ctx.tx, ctx.tenantId, input.responsibleUserId, 'responsibleUserId');
    const [form] = await ctx.tx
      .insert(webForms)
      .values({
        tenantId: ctx.tenantId,
        ...input,
        publicKey: tenantToken('wf', ctx.tenantId),
        createdAt: stampedNow().createdAt,
      })
      .returning();
    ctx.audit({ entity: 'webForm', entityId: form.id, after: form });
    return showWebForm(form);
  },
});
