import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { Id } from '../../http/schemas.js';
import { RoleFields } from '../role-schemas.js';
import { roles } from '../schema.js';
import { lockCustomRole } from './role-rules.js';

export const updateRole = defineAction({
  name: 'platform.updateRole',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(RoleFields)).properties },
    { additionalProperties: false },
  ),
  permission: 'users:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockCustomRole(ctx.tx, id);
    const permissions = changes.permissions ? [...new Set(changes.permissions)].sort() : undefined;
    const [after] = await ctx.tx
      .update(roles)
      .set({ ...changes, ...(permissions ? { permissions } : {}), updatedAt: new Date() })
      .where(eq(roles.id, id))
      .returning();
    ctx.audit({ entity: 'role', entityId: id, before, after });
    return after;
  },
});
