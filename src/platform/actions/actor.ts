import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { grants } from '../rbac/permissions.js';
import { membershipRoles, roles } from '../rbac/schema.js';
import { memberships } from '../tenancy/schema.js';

/** Who is acting, in which tenant, with which permissions. Every action runs for one. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  tenantId: string;
  userId: string | null;
  tokenId?: string;
  permissions: ReadonlySet<string>;
  /** True when every role the actor has limits it to records it is responsible for. */
  ownRecordsOnly: boolean;
  roleIds: string[];
}

export function can(actor: Actor, permission: string): boolean {
  return grants(actor.permissions, permission);
}

/** Seeds, migrations, jobs and the CLI act as the system: all permissions, no user. */
export function systemActor(tenantId: string, userId: string | null = null): Actor {
  return {
    kind: 'system',
    tenantId,
    userId,
    permissions: new Set(['*']),
    ownRecordsOnly: false,
    roleIds: [],
  };
}

export interface RoleGrant {
  id: string;
  permissions: string[];
  ownRecordsOnly: boolean;
}

/** Joins the grants of several roles: permissions add up; the own-records limit holds only if every role has it. */
export function combineRoles(
  roleGrants: RoleGrant[],
): Pick<Actor, 'permissions' | 'ownRecordsOnly' | 'roleIds'> {
  return {
    permissions: new Set(roleGrants.flatMap((r) => r.permissions)),
    ownRecordsOnly: roleGrants.length > 0 && roleGrants.every((r) => r.ownRecordsOnly),
    roleIds: roleGrants.map((r) => r.id),
  };
}

/** The active roles of a member; none when the membership is missing or switched off. Run inside the tenant's context. */
export async function memberRoles(
  tx: Executor,
  tenantId: string,
  userId: string,
): Promise<RoleGrant[] | undefined> {
  const rows = await tx
    .select({
      active: memberships.active,
      id: roles.id,
      permissions: roles.permissions,
      ownRecordsOnly: roles.ownRecordsOnly,
    })
    .from(memberships)
    .leftJoin(
      membershipRoles,
      and(eq(membershipRoles.tenantId, memberships.tenantId), eq(membershipRoles.userId, memberships.userId)),
    )
    .leftJoin(roles, and(eq(roles.id, membershipRoles.roleId), isNull(roles.archivedAt)))
    // The user's own memberships in other tenants are visible too (to pick a tenant at login): name this one.
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  if (rows.length === 0 || !rows[0].active) return undefined;
  return rows
    .filter((r) => r.id)
    .map((r) => ({ id: r.id!, permissions: r.permissions!, ownRecordsOnly: r.ownRecordsOnly! }));
}
