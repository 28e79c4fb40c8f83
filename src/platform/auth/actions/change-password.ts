import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { invalidField } from '../../http/problem.js';
import { users } from '../../tenancy/schema.js';
import { hashPassword, passwordProblem, verifyPassword } from '../secrets.js';
import { revokeUserSessions } from '../sessions.js';

export const changePassword = defineAction({
  name: 'platform.changePassword',
  input: Type.Object(
    {
      currentPassword: Type.String({ maxLength: 200 }),
      newPassword: Type.String({ maxLength: 200 }),
      /** The session that asked stays logged in; every other session of the user ends. */
      keepSessionId: Type.Optional(Type.String({ format: 'uuid' })),
    },
    { additionalProperties: false },
  ),
  permission: null,
  secretFields: ['currentPassword', 'newPassword'],
  async run(ctx, input) {
    const userId = ctx.actor.userId;
    if (!userId || ctx.actor.kind !== 'user')
      throw invalidField('currentPassword', 'only a logged-in person can change their password');
    const [user] = await ctx.tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw invalidField('currentPassword', 'is not your current password');
    const weakness = passwordProblem(input.newPassword, user.email);
    if (weakness) throw invalidField('newPassword', weakness);
    await ctx.tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.newPassword) })
      .where(eq(users.id, userId));
    await revokeUserSessions(ctx.tx, userId, input.keepSessionId);
    ctx.audit({ entity: 'user', entityId: userId, after: { passwordChanged: true } });
  },
});
