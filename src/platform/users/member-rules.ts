import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { conflict, invalidField } from '../http/problem.js';
import { membershipRoles, roles } from '../rbac/schema.js';
import { memberships } from '../tenancy/schema.js';

/** Every role id must be a live role of this tenant. */
export async function assertRolesExist(tx: Tx, roleIds: string[]) {
  if (roleIds.length === 0) return;
  const found = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(inArray(roles.id, roleIds), isNull(roles.archivedAt)));
  const missing = roleIds.filter((id) => !found.some((r) => r.id === id));
  if (missing.length) throw invalidField('roleIds', `no active role has the id ${missing.join(', ')}`);
}

/** A workspace must keep at least one active administrator, or nobody could manage it again. */
export async function assertAnotherAdminRemains(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(membershipRoles)
    .innerJoin(roles, and(eq(roles.id, membershipRoles.roleId), eq(roles.key, 'admin')))
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, membershipRoles.tenantId), eq(memberships.userId, membershipRoles.userId)),
    )
    .where(and(eq(memberships.active, true), ne(membershipRoles.userId, userId)));
  if (row.count === 0)
    throw conflict(
      'This is the last active administrator of the workspace. Make someone else an administrator first.',
    );
}

export async function setMemberRoles(tx: Tx, tenantId: string, userId: string, roleIds: string[]) {
  await tx.delete(membershipRoles).where(eq(membershipRoles.userId, userId));
  if (roleIds.length)
    await tx.insert(membershipRoles).values(roleIds.map((roleId) => ({ tenantId, userId, roleId })));
}

export async function isAdmin(tx: Tx, roleIds: string[]) {
  if (!roleIds.length) return false;
  const [row] = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(inArray(roles.id, roleIds), eq(roles.key, 'admin')));
  return Boolean(row);
}
