import { and, eq, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { invitations } from '../../auth/schema.js';
import { sha256, tenantToken } from '../../auth/secrets.js';
import { conflict } from '../../http/problem.js';
import { Id } from '../../http/schemas.js';
import { memberships } from '../../tenancy/schema.js';
import { findUserByEmail, normaliseEmail } from '../find-user.js';
import { assertRolesExist } from '../member-rules.js';
import { Email } from './create-user.js';

export const INVITATION_DAYS = 7;

/**
 * Makes an invitation link. The token is returned once and stored only as a hash; the event
 * lets a mail module send it when one is switched on.
 */
export const inviteUser = defineAction({
  name: 'platform.inviteUser',
  input: Type.Object(
    { email: Email, roleIds: Type.Array(Id, { maxItems: 50 }) },
    { additionalProperties: false },
  ),
  permission: 'users:manage',
  resultSecrets: ['token', 'acceptUrl'],
  async run(ctx, input) {
    const email = normaliseEmail(input.email);
    const existing = await findUserByEmail(ctx.tx, email);
    if (existing) {
      const [member] = await ctx.tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, existing.id), eq(memberships.active, true)));
      if (member)
        throw conflict(`${email} is already a member of this workspace.`, [
          { field: 'email', reason: 'is already a member' },
        ]);
    }
    await assertRolesExist(ctx.tx, input.roleIds);
    // A new invitation replaces an open one for the same email.
    await ctx.tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          sql`lower(${invitations.email}) = ${email}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const token = tenantToken('inv', ctx.tenantId);
    const [invitation] = await ctx.tx
      .insert(invitations)
      .values({
        tenantId: ctx.tenantId,
        email,
        roleIds: input.roleIds,
        tokenHash: sha256(token),
        invitedBy: ctx.actor.userId ?? ctx.tenantId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      })
      .returning();
    ctx.audit({ entity: 'invitation', entityId: invitation.id, after: { email, roleIds: input.roleIds } });
    ctx.emit('platform.userInvited', { invitationId: invitation.id, email });
    const { tokenHash: _, ...shown } = invitation;
    return { ...shown, token, acceptUrl: `/invite/${token}` };
  },
});
