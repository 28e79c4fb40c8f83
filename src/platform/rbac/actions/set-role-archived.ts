import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { Id } from '../../http/schemas.js';
import { roles } from '../schema.js';
import { lockCustomRole } from './role-rules.js';

/** An archived role grants nothing any more but stays in the history of who had it. */
export const setRoleArchived = defineAction({
  name: 'platform.setRoleArchived',
  input: Type.Object({ id: Id, archived: Type.Boolean() }, { additionalProperties: false }),
  permission: 'users:manage',
  async run(ctx, { id, archived }) {
    const before = await lockCustomRole(ctx.tx, id);
    const [after] = await ctx.tx
      .update(roles)
      .set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null, updatedAt: new Date() })
      .where(eq(roles.id, id))
      .returning();
    ctx.audit({
      entity: 'role',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  },
});
