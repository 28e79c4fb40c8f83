import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/actions/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/http/problem.js';
import { clients } from './schema.js';

/**
 * Sales reps (roles with "own records only") see the clients they are responsible for, and
 * the records of those clients. Every list and card of parties and CRM filters through here.
 */
export function visibleClients(actor: Actor): SQL | undefined {
  if (!actor.ownRecordsOnly) return undefined;
  return eq(clients.responsibleUserId, actor.userId ?? '00000000-0000-0000-0000-000000000000');
}

/** For rows that belong to a client (contacts, deals, interactions...): the client must be visible. */
export function visibleThroughClient(actor: Actor, clientIdColumn: AnyPgColumn): SQL | undefined {
  if (!actor.ownRecordsOnly) return undefined;
  return inArray(
    clientIdColumn,
    sql`(select ${clients.id} from ${clients} where ${clients.responsibleUserId} = ${actor.userId ?? '00000000-0000-0000-0000-000000000000'})`,
  );
}

/** Loads a client the actor may see, or answers 404 (not 403: a rep must not learn it exists). */
export async function loadVisibleClient(tx: Tx, actor: Actor, clientId: string, lock = false) {
  const query = tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), visibleClients(actor)));
  const [client] = lock ? await query.for('update') : await query;
  if (!client) throw notFound('Client', clientId);
  return client;
}

/** A rep may hand a record only to themselves; managers to anyone. */
export function assertMayAssign(actor: Actor, responsibleUserId: string) {
  if (actor.ownRecordsOnly && responsibleUserId !== actor.userId) {
    throw forbidden('You can only make yourself responsible: your role sees your own records only.');
  }
}
