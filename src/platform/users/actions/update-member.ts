import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { conflict, notFound } from '../../http/problem.js';
import { Id, Name } from '../../http/schemas.js';
import { membershipRoles } from '../../rbac/schema.js';
import { memberships, users } from '../../tenancy/schema.js';
import { assertAnotherAdminRemains, assertRolesExist, isAdmin, setMemberRoles } from '../member-rules.js';

/** Changes a member's roles or switches their access to this workspace off and on. */
export const updateMember = defineAction({
  name: 'platform.updateMember',
  input: Type.Object(
    {
      id: Id,
      name: Type.Optional(Name),
      roleIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  permission: 'users:manage',
  async run(ctx, input) {
    const [member] = await ctx.tx
      .select()
      .from(memberships)
      .where(eq(memberships.userId, input.id))
      .for('update');
    if (!member) throw notFound('User', input.id);
    if (input.active === false && input.id === ctx.actor.userId) {
      throw conflict('You cannot deactivate yourself; ask another administrator.', [
        { field: 'active', reason: 'cannot be switched off for yourself' },
      ]);
    }
    const currentRoles = (
      await ctx.tx
        .select({ id: membershipRoles.roleId })
        .from(membershipRoles)
        .where(eq(membershipRoles.userId, input.id))
    ).map((r) => r.id);
    const before = { active: member.active, roleIds: currentRoles };
    const losesAdmin =
      (await isAdmin(ctx.tx, currentRoles)) &&
      member.active &&
      (input.active === false || (input.roleIds && !(await isAdmin(ctx.tx, input.roleIds))));
    if (losesAdmin) await assertAnotherAdminRemains(ctx.tx, input.id);
    if (input.roleIds) {
      await assertRolesExist(ctx.tx, input.roleIds);
      await setMemberRoles(ctx.tx, ctx.tenantId, input.id, input.roleIds);
    }
    if (input.active !== undefined && input.active !== member.active) {
      await ctx.tx
        .update(memberships)
        .set({ active: input.active })
        .where(and(eq(memberships.userId, input.id)));
    }
    if (input.active === false) await revokeUserSessions(ctx.tx, input.id);
    if (input.name) await ctx.tx.update(users).set({ name: input.name }).where(eq(users.id, input.id));
    ctx.audit({
      entity: 'user',
      entityId: input.id,
      before,
      after: {
        active: input.active ?? member.active,
        roleIds: input.roleIds ?? currentRoles,
        name: input.name,
      },
    });
    return { id: input.id };
  },
});
