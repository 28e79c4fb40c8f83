import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { AppDb, Executor } from '../db/database.js';
import { users } from '../tenancy/schema.js';
import { sessions } from './schema.js';
import { randomSecret, sha256 } from './secrets.js';

/** A session lives while it is used: each use within this window extends it. */
export const SESSION_IDLE_DAYS = 14;
const TOUCH_AFTER_MS = 10 * 60 * 1000;

export interface SessionInfo {
  id: string;
  userId: string;
  tenantId: string;
  email: string;
  name: string;
  locale: string;
}

const expiry = () => new Date(Date.now() + SESSION_IDLE_DAYS * 24 * 3600 * 1000);

export async function openSession(
  db: Executor,
  userId: string,
  tenantId: string,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomSecret();
  const expiresAt = expiry();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    activeTenantId: tenantId,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return { token, expiresAt };
}

/** The live session behind a cookie, or undefined when it is unknown, expired, revoked or its user disabled. */
export async function findSession(db: AppDb, token: string): Promise<SessionInfo | undefined> {
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      tenantId: sessions.activeTenantId,
      lastSeenAt: sessions.lastSeenAt,
      email: users.email,
      name: users.name,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sha256(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return undefined;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: expiry() })
      .where(eq(sessions.id, row.id));
  }
  const { lastSeenAt: _, ...session } = row;
  return session;
}

export async function revokeSession(db: Executor, sessionId: string) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Logs a user out everywhere, except (optionally) the session they are using now. */
export async function revokeUserSessions(db: Executor, userId: string, exceptSessionId?: string) {
  const others = exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined;
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), others));
}

export async function switchSessionTenant(db: Executor, sessionId: string, tenantId: string) {
  await db.update(sessions).set({ activeTenantId: tenantId }).where(eq(sessions.id, sessionId));
}

export async function deleteExpiredSessions(db: Executor) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now() - interval '30 days'`));
}
