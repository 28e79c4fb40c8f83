import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { users } from '../tenancy/schema.js';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Emails match whatever their case: the unique index is on lower(email) too. */
export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`);
  return user;
}

export async function findUserById(db: Executor, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

/** The part of a user that others may see. */
export const publicUser = (u: { id: string; email: string; name: string; locale: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale,
});
