import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { conflict, notFound } from '../../http/problem.js';
import { roles } from '../schema.js';

/** Built-in roles are the same in every workspace, so they are copied into custom roles rather than edited. */
export async function lockCustomRole(tx: Tx, id: string) {
  const [role] = await tx.select().from(roles).where(eq(roles.id, id)).for('update');
  if (!role) throw notFound('Role', id);
  if (role.key)
    throw conflict(`"${role.name}" is a built-in role and cannot be changed. Make a custom role instead.`);
  return role;
}
