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
 * Sessions and roles are read on every request and change rarely, so this process keeps them
 * briefly: the lookup was a third of an action's cost. A logout, password change, deactivation
 * or role change made here clears them at once; other instances see it within this time.
 */
const ROLE_CACHE_MS = 5_000;
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_SIZE = 10_000;

export interface Authenticated {
  actor: Actor;
  session?: SessionInfo;
}

export class Authenticator {
  private readonly roleCache = new Map<string, { at: number; roles: RoleGrant[] | undefined }>();
  private readonly sessionCache = new Map<string, { at: number; session: SessionInfo }>();

  constructor(private readonly db: AppDb) {}

  forgetRoles(tenantId?: string) {
    if (!tenantId) return this.roleCache.clear();
    for (const key of this.roleCache.keys()) if (key.startsWith(tenantId)) this.roleCache.delete(key);
  }

  private async rolesOf(tenantId: string, userId: string): Promise<RoleGrant[] | undefined> {
    const key = `${tenantId}:${userId}`;
    const hit = this.roleCache.get(key);
    if (hit && Date.now() - hit.at < ROLE_CACHE_MS) return hit.roles;
    const grants = await inTenant(this.db, { tenantId, userId }, (tx) => memberRoles(tx, tenantId, userId));
    this.roleCache.set(key, { at: Date.now(), roles: grants });
    return grants;
  }

  /** Forgets the cached sessions of a user (or all), after their sessions were revoked or changed. */
  forgetSessions(userId?: string) {
    if (!userId) return this.sessionCache.clear();
    for (const [token, hit] of this.sessionCache)
      if (hit.session.userId === userId) this.sessionCache.delete(token);
  }

  private async session(token: string): Promise<SessionInfo | undefined> {
    const hit = this.sessionCache.get(token);
    if (hit && Date.now() - hit.at < SESSION_CACHE_MS) return hit.session;
    const session = await findSession(this.db, token);
    if (!session) {
      this.sessionCache.delete(token);
      return undefined;
    }
    if (this.sessionCache.size >= SESSION_CACHE_SIZE) this.sessionCache.clear();
    this.sessionCache.set(token, { at: Date.now(), session });
    return session;
  }

  async bySession(token: string): Promise<Authenticated | undefined> {
    const session = await this.session(token);
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
