import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { hashPassword, passwordProblem } from '../../auth/secrets.js';
import { conflict, invalidField } from '../../http/problem.js';
import { Id, Name } from '../../http/schemas.js';
import { memberships, users } from '../../tenancy/schema.js';
import { findUserByEmail, normaliseEmail } from '../find-user.js';
import { assertRolesExist, setMemberRoles } from '../member-rules.js';

export const Email = Type.String({ format: 'email', maxLength: 320 });

/** Makes a login and a membership at once, for people the administrator sets up by hand. */
export const createUser = defineAction({
  name: 'platform.createUser',
  input: Type.Object(
    {
      email: Email,
      name: Name,
      password: Type.String({ maxLength: 200 }),
      roleIds: Type.Array(Id, { maxItems: 50 }),
    },
    { additionalProperties: false },
  ),
  permission: 'users:manage',
  secretFields: ['password'],
  async run(ctx, input) {
    const email = normaliseEmail(input.email);
    if (await findUserByEmail(ctx.tx, email)) {
      throw conflict(`${email} already has a Tandem login. Invite it to this workspace instead.`, [
        { field: 'email', reason: 'already has a login' },
      ]);
    }
    const weakness = passwordProblem(input.password, email);
    if (weakness) throw invalidField('password', weakness);
    await assertRolesExist(ctx.tx, input.roleIds);
    const [user] = await ctx.tx
      .insert(users)
      .values({ email, name: input.name, passwordHash: await hashPassword(input.password) })
      .returning();
    await ctx.tx.insert(memberships).values({ tenantId: ctx.tenantId, userId: user.id });
    await setMemberRoles(ctx.tx, ctx.tenantId, user.id, input.roleIds);
    ctx.audit({
      entity: 'user',
      entityId: user.id,
      after: { email, name: input.name, roleIds: input.roleIds },
    });
    return { id: user.id };
  },
});
