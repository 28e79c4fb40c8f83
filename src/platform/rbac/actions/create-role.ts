import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { RoleFields } from '../role-schemas.js';
import { roles } from '../schema.js';

export const createRole = defineAction({
  name: 'platform.createRole',
  input: Type.Object(RoleFields, { additionalProperties: false }),
  permission: 'users:manage',
  async run(ctx, input) {
    const [role] = await ctx.tx
      .insert(roles)
      .values({ ...input, permissions: [...new Set(input.permissions)].sort(), tenantId: ctx.tenantId })
      .returning();
    ctx.audit({ entity: 'role', entityId: role.id, after: role });
    return role;
  },
});
