import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { invitations } from '../../auth/schema.js';
import { conflict, notFound } from '../../http/problem.js';
import { Id } from '../../http/schemas.js';

export const revokeInvitation = defineAction({
  name: 'platform.revokeInvitation',
  input: Type.Object({ id: Id }, { additionalProperties: false }),
  permission: 'users:manage',
  async run(ctx, { id }) {
    const [invitation] = await ctx.tx.select().from(invitations).where(eq(invitations.id, id)).for('update');
    if (!invitation) throw notFound('Invitation', id);
    if (invitation.acceptedAt) throw conflict(`The invitation for ${invitation.email} was already accepted.`);
    const [after] = await ctx.tx
      .update(invitations)
      .set({ revokedAt: invitation.revokedAt ?? new Date() })
      .where(eq(invitations.id, id))
      .returning();
    ctx.audit({ entity: 'invitation', entityId: id, after: { revokedAt: after.revokedAt } });
    const { tokenHash: _, ...shown } = after;
    return shown;
  },
});
