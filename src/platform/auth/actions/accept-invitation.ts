import { and, eq, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import type { Executor } from '../../db/database.js';
import { invalidField, Problem } from '../../http/problem.js';
import { Name } from '../../http/schemas.js';
import { membershipRoles } from '../../rbac/schema.js';
import { memberships, users } from '../../tenancy/schema.js';
import { findUserByEmail } from '../../users/find-user.js';
import { invitations } from '../schema.js';
import { hashPassword, passwordProblem, sha256, verifyPassword } from '../secrets.js';

const gone = () =>
  new Problem(
    410,
    'Invitation no longer valid',
    'This invitation was used, revoked or has expired. Ask for a new one.',
  );

/** Finds a live invitation by its token. Runs inside the tenant the token names. */
export async function findInvitation(tx: Executor, token: string) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} > now()`,
      ),
    );
  return invitation;
}

/**
 * Turns an invitation into a membership. A new person sets their name and password; a person who
 * already has a Tandem login proves it with their existing password.
 */
export const acceptInvitation = defineAction({
  name: 'platform.acceptInvitation',
  input: Type.Object(
    { token: Type.String({ maxLength: 200 }), name: Name, password: Type.String({ maxLength: 200 }) },
    { additionalProperties: false },
  ),
  permission: null,
  secretFields: ['token', 'password'],
  async run(ctx, input) {
    const invitation = await findInvitation(ctx.tx, input.token);
    if (!invitation) throw gone();
    let user = await findUserByEmail(ctx.tx, invitation.email);
    if (user) {
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        throw invalidField('password', 'this email already has a Tandem login: enter its password');
      }
    } else {
      const weakness = passwordProblem(input.password, invitation.email);
      if (weakness) throw invalidField('password', weakness);
      [user] = await ctx.tx
        .insert(users)
        .values({
          email: invitation.email,
          name: input.name,
          passwordHash: await hashPassword(input.password),
        })
        .returning();
    }
    await ctx.tx
      .insert(memberships)
      .values({ tenantId: ctx.tenantId, userId: user.id })
      .onConflictDoUpdate({ target: [memberships.tenantId, memberships.userId], set: { active: true } });
    if (invitation.roleIds.length) {
      await ctx.tx
        .insert(membershipRoles)
        .values(invitation.roleIds.map((roleId) => ({ tenantId: ctx.tenantId, userId: user.id, roleId })))
        .onConflictDoNothing();
    }
    await ctx.tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    ctx.audit({
      entity: 'invitation',
      entityId: invitation.id,
      after: { acceptedBy: user.id, email: invitation.email },
    });
    return { userId: user.id };
  },
});
