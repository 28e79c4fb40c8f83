import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { hashPassword } from '../../auth/secrets.js';
import { Address } from '../../directories/address.js';
import type { ModuleDefinition } from '../../modules/module.js';
import { BUILTIN_ROLES } from '../../rbac/builtin-roles.js';
import { membershipRoles, roles } from '../../rbac/schema.js';
import { findUserByEmail, normaliseEmail } from '../../users/find-user.js';
import { companies, memberships, users } from '../schema.js';

export const SetUpTenantInput = Type.Object(
  {
    admin: Type.Object({
      email: Type.String({ format: 'email' }),
      name: Type.String({ minLength: 1 }),
      password: Type.String({ minLength: 10 }),
    }),
    company: Type.Object({
      name: Type.String({ minLength: 1 }),
      baseCurrency: Type.String({ pattern: '^[A-Z]{3}$' }),
      taxId: Type.Optional(Type.String()),
      address: Type.Optional(Address),
    }),
  },
  { additionalProperties: false },
);

/**
 * Fills a new tenant: built-in roles, every module's defaults, the first company and the
 * first administrator. The modules are passed in because the platform knows none by name.
 */
export function setUpTenantAction(modules: ModuleDefinition[]) {
  return defineAction({
    name: 'platform.setUpTenant',
    input: SetUpTenantInput,
    permission: '*',
    secretFields: ['admin'],
    async run(ctx, input) {
      const { tx, tenantId } = ctx;
      const seededRoles = await tx
        .insert(roles)
        .values(
          BUILTIN_ROLES.map((r) => ({
            tenantId,
            key: r.key,
            name: r.name,
            description: r.description,
            permissions: r.permissions,
            ownRecordsOnly: r.ownRecordsOnly ?? false,
          })),
        )
        .returning();
      for (const module of modules) await module.seedTenant?.(ctx);
      const [company] = await tx
        .insert(companies)
        .values({ tenantId, ...input.company })
        .returning();
      const email = normaliseEmail(input.admin.email);
      const existing = await findUserByEmail(tx, email);
      const admin =
        existing ??
        (
          await tx
            .insert(users)
            .values({ email, name: input.admin.name, passwordHash: await hashPassword(input.admin.password) })
            .returning()
        )[0];
      await tx.insert(memberships).values({ tenantId, userId: admin.id });
      const adminRole = seededRoles.find((r) => r.key === 'admin')!;
      await tx.insert(membershipRoles).values({ tenantId, userId: admin.id, roleId: adminRole.id });
      ctx.audit({ entity: 'tenant', entityId: tenantId, after: { company: company.name, admin: email } });
      return { companyId: company.id, adminUserId: admin.id };
    },
  });
}
