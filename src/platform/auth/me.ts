import { and, eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Actor } from '../actions/actor.js';
import type { AppDb } from '../db/database.js';
import { inTenant } from '../db/tenant-context.js';
import { Id } from '../http/schemas.js';
import type { ModuleRegistry } from '../modules/registry.js';
import { memberships, tenants, users } from '../tenancy/schema.js';

/** No tenant has this id: used to read a user's own memberships across all tenants. */
const NO_TENANT = '00000000-0000-0000-0000-000000000000';

export const UserSummary = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
});
export const TenantSummary = Type.Object({ id: Id, name: Type.String() });
export const ModuleState = Type.Object({
  key: Type.String(),
  title: Type.String(),
  switchable: Type.Boolean(),
  enabled: Type.Boolean(),
});

export const Me = Type.Object({
  user: UserSummary,
  tenant: TenantSummary,
  tenants: Type.Array(TenantSummary),
  permissions: Type.Array(Type.String()),
  ownRecordsOnly: Type.Boolean(),
  modules: Type.Array(ModuleState),
});

/** The workspaces a user may enter: active memberships in tenants that are not archived. */
export async function tenantsOf(db: AppDb, userId: string) {
  return inTenant(db, { tenantId: NO_TENANT, userId }, (tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(and(eq(memberships.userId, userId), eq(memberships.active, true), isNull(tenants.archivedAt)))
      .orderBy(tenants.name),
  );
}

export async function moduleStates(db: AppDb, registry: ModuleRegistry, tenantId: string) {
  const off = await registry.switchedOff(db, tenantId);
  return registry.modules.map((m) => ({
    key: m.key,
    title: m.title,
    switchable: m.switchable,
    enabled: !off.has(m.key),
  }));
}

export async function describeMe(db: AppDb, registry: ModuleRegistry, actor: Actor) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, actor.userId!));
  const list = await tenantsOf(db, actor.userId!);
  return {
    user,
    tenant: list.find((t) => t.id === actor.tenantId) ?? { id: actor.tenantId, name: '' },
    tenants: list,
    permissions: [...actor.permissions].sort(),
    ownRecordsOnly: actor.ownRecordsOnly,
    modules: await moduleStates(db, registry, actor.tenantId),
  };
}
