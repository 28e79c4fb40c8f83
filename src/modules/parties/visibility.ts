import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/actions/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { forbidden, invalidField, notFound } from '../../platform/http/problem.js';
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

/**
 * Loads a client the actor may see. One the actor may not see answers as if it did not exist
 * (not 403: a rep must not learn it exists): 404 for the client the URL names, 422 naming the
 * field for a client a request body names (`bodyField`), as every body reference answers.
 */
export async function loadVisibleClient(
  tx: Tx,
  actor: Actor,
  clientId: string,
  options: { lock?: boolean; bodyField?: string } = {},
) {
  const query = tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), visibleClients(actor)));
  const [client] = options.lock ? await query.for('update') : await query;
  if (client) return client;
  if (options.bodyField) throw invalidField(options.bodyField, `client ${clientId} does not exist`);
  throw notFound('Client', clientId);
}

/** A rep may hand a record only to themselves; managers to anyone. */
export function assertMayAssign(actor: Actor, responsibleUserId: string) {
  if (actor.ownRecordsOnly && responsibleUserId !== actor.userId) {
    throw forbidden('You can only make yourself responsible: your role sees your own records only.');
  }
}
