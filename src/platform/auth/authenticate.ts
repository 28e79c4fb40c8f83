import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { type Actor, combineRoles, memberRoles, type RoleGrant } from '../actions/actor.js';
import type { AppDb } from '../db/database.js';
import { inTenant } from '../db/tenant-context.js';
import { roles } from '../rbac/schema.js';
import { memberships } from '../tenancy/schema.js';
import { apiTokens } from './schema.js';
import { sha256, tenantOfToken } from './secrets.js';
import { findSession, type SessionInfo } from './sessions.js';

/**
 * Roles change rarely and are read on every request, so this process keeps them briefly.
 * Changes made here clear the cache at once; other instances see them within this time.
 */
const ROLE_CACHE_MS = 5_000;

export interface Authenticated {
  actor: Actor;
  session?: SessionInfo;
}

export class Authenticator {
  private readonly roleCache = new Map<string, { at: number; roles: RoleGrant[] | undefined }>();

  constructor(private readonly db: AppDb) {}

  forgetRoles(tenantId?: string) {
    if (!tenantId) return this.roleCache.clear();
    for (const key of this.roleCache.keys()) if (key.startsWith(tenantId)) this.roleCache.delete(key);
  }

  private async rolesOf(tenantId: string, userId: string): Promise<RoleGrant[] | undefined> {
    const key = `${tenantId}:${userId}`;
    const hit = this.roleCache.get(key);
    if (hit && Date.now() - hit.at < ROLE_CACHE_MS) return hit.roles;
    const grants = await inTenant(this.db, { tenantId, userId }, (tx) => memberRoles(tx, userId));
    this.roleCache.set(key, { at: Date.now(), roles: grants });
    return grants;
  }

  async bySession(token: string): Promise<Authenticated | undefined> {
    const session = await findSession(this.db, token);
    if (!session) return undefined;
    const grants = await this.rolesOf(session.tenantId, session.userId);
    if (!grants) return undefined;
    return {
      session,
      actor: { kind: 'user', tenantId: session.tenantId, userId: session.userId, ...combineRoles(grants) },
    };
  }

  async byApiToken(token: string): Promise<Authenticated | undefined> {
    const tenantId = tenantOfToken('tdm', token);
    if (!tenantId) return undefined;
    const row = await inTenant(this.db, { tenantId }, async (tx) => {
      const [found] = await tx
        .select({ id: apiTokens.id, createdBy: apiTokens.createdBy, role: roles })
        .from(apiTokens)
        .innerJoin(roles, and(eq(roles.id, apiTokens.roleId), isNull(roles.archivedAt)))
        // A token stops with the membership of the person who made it.
        .innerJoin(
          memberships,
          and(eq(memberships.userId, apiTokens.createdBy), eq(memberships.active, true)),
        )
        .where(
          and(
            eq(apiTokens.tokenHash, sha256(token)),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
          ),
        );
      if (found) await tx.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, found.id));
      return found;
    });
    if (!row) return undefined;
    const grants = combineRoles([
      { id: row.role.id, permissions: row.role.permissions, ownRecordsOnly: row.role.ownRecordsOnly },
    ]);
    return { actor: { kind: 'token', tenantId, userId: row.createdBy, tokenId: row.id, ...grants } };
  }
}
