import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actions/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { contacts } from '../schema.js';
import { visibleThroughClient } from '../visibility.js';

/** Locks a contact of a client the actor may see, or answers 404 as if it did not exist. */
export async function lockVisibleContact(tx: Tx, actor: Actor, id: string) {
  const [contact] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), visibleThroughClient(actor, contacts.clientId)))
    .for('update');
  if (!contact) throw notFound('Contact', id);
  return contact;
}
